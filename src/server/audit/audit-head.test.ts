import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Executor, queryRows } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { SYSTEM } from './audit-context';
import { hashEvent } from './audit-hash';
import { type AuditHead, formatAuditHead, parseAuditHead, readAuditHead } from './audit-head';
import { recordAudit } from './record-audit';
import { type AuditVerification, verifyAudit } from './verify-audit';

const ROLLED_BACK = new Error('rolled back');

describe('a head kept outside the database', () => {
  let database: TestDatabase;
  let heads: AuditHead[];
  beforeAll(async () => {
    database = await createTestDatabase();
    heads = [];
    for (const action of ['user.created', 'user.updated', 'token.created', 'user.updated', 'user.disabled']) {
      heads.push(
        await database.db.transaction((tx) => recordAudit(tx, SYSTEM, { action, recordType: 'user', change: { n: heads.length }, classification: 'U' })),
      );
    }
  });
  afterAll(async () => database.close());

  /** Alters the table as a superuser would, checks, and rolls the damage back. */
  async function whileTampered(damage: (tx: Executor) => Promise<void>, check: (tx: Executor) => Promise<void>): Promise<void> {
    const outcome = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await damage(tx);
        await check(tx);
        throw ROLLED_BACK;
      })
      .catch((error: unknown) => error);
    if (outcome !== ROLLED_BACK) throw outcome;
  }
  const headFailure = (result: AuditVerification) => (result.ok === false && 'head' in result ? result.reason : undefined);

  it('is the newest event, and the whole chain verifies up to it or to any older head', async () => {
    const newest = heads.at(-1)!;
    expect(await readAuditHead(database.db)).toEqual(newest);
    expect(await verifyAudit(database.db, { head: newest })).toEqual({ ok: true, checked: 5 });
    expect(await verifyAudit(database.db, { head: heads[1] })).toEqual({ ok: true, checked: 5 });
  });

  it('catches the newest events deleted, which the chain alone cannot', async () => {
    await whileTampered(
      (tx) => tx.execute(sql`delete from audit_events where id > ${heads[2]!.id}`).then(() => undefined),
      async (tx) => {
        expect(await verifyAudit(tx)).toEqual({ ok: true, checked: 3 });
        expect(headFailure(await verifyAudit(tx, { head: heads[4] }))).toBe(
          `the trail ends at event ${heads[2]!.id}: the events after it, up to ${heads[4]!.id}, were removed (or the head comes from another database)`,
        );
        // A head kept before the deletion still holds: what it covers is intact.
        expect(await verifyAudit(tx, { head: heads[2] })).toEqual({ ok: true, checked: 3 });
      },
    );
  });

  it('catches the newest event rewritten with a recomputed hash, which the chain alone cannot', async () => {
    await whileTampered(
      async (tx) => {
        const [newest] = await tx.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
        const forged = { ...newest!, action: 'user.updated', change: { n: 'nothing to see' } };
        const hash = hashEvent(forged, forged.prevHash, forged.hashVersion);
        await tx.update(auditEvents).set({ action: forged.action, change: forged.change, hash }).where(eq(auditEvents.id, newest!.id));
      },
      async (tx) => {
        expect(await verifyAudit(tx)).toEqual({ ok: true, checked: 5 });
        const reason = headFailure(await verifyAudit(tx, { head: heads[4] }));
        expect(reason).toMatch(
          new RegExp(`^event ${heads[4]!.id} has the hash [0-9a-f]{64}, not the kept one \\(it or an event before it was rewritten since\\)$`),
        );
      },
    );
  });

  it('says so when the head names no event of this trail', async () => {
    const skipped = await database.db
      .transaction(async (tx) => {
        const head = await recordAudit(tx, SYSTEM, {
          action: 'user.updated',
          recordType: 'user',
          change: { name: { from: 'A', to: 'B' } },
          classification: 'U',
        });
        tx.rollback();
        return head;
      })
      .catch(() => undefined);
    expect(skipped).toBeUndefined();
    // The rolled-back event used a sequence number that no event has.
    const [last] = await queryRows<{ id: number }>(database.db, sql`select last_value::int as id from audit_events_id_seq`);
    const gap = { id: last!.id, hash: heads[0]!.hash };
    await database.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, { action: 'user.updated', recordType: 'user', change: { name: { from: 'A', to: 'B' } }, classification: 'U' }),
    );
    expect(headFailure(await verifyAudit(database.db, { head: gap }))).toBe(
      `there is no event ${gap.id} (it was removed and the events after it rewritten, or the head comes from another database)`,
    );
    expect(headFailure(await verifyAudit(database.db, { head: { id: heads[0]!.id, hash: heads[1]!.hash } }))).toBe(
      `event ${heads[0]!.id} has the hash ${heads[0]!.hash}, not the kept one (it or an event before it was rewritten since)`,
    );
  });
});

describe('the SEQ:HASH form of a head', () => {
  const hash = 'ab'.repeat(32);
  it('reads what it writes, in either case of hex digits', () => {
    expect(formatAuditHead({ id: 1234, hash })).toBe(`1234:${hash}`);
    expect(parseAuditHead(` 1234:${hash.toUpperCase()}\n`)).toEqual({ id: 1234, hash });
  });

  it('names what is wrong with anything else', () => {
    const refusal = (text: string) => {
      try {
        parseAuditHead(text);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal('1234')).toBe('expected SEQ:HASH as printed by "demarche audit head" (e.g. 1234:9f86d081…), got "1234"');
    expect(refusal(`1:${hash}:2`)).toMatch(/^expected SEQ:HASH/);
    expect(refusal(`0:${hash}`)).toBe('"0" is not an event sequence number (a whole number from 1)');
    expect(refusal(`-3:${hash}`)).toBe('"-3" is not an event sequence number (a whole number from 1)');
    expect(refusal(`99999999999999999:${hash}`)).toBe('"99999999999999999" is not an event sequence number (a whole number from 1)');
    expect(refusal('12:abc')).toBe('the hash must be the 64 hexadecimal digits of a SHA-256, got "abc"');
  });
});
