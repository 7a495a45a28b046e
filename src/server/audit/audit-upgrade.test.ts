import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Executor } from '../db/client';
import { migrate } from '../db/migrate';
import { migrationsUpTo } from '../testing/migrations-up-to';
import { auditEvents } from '../db/schema/index';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { SYSTEM } from './audit-context';
import { GENESIS_HASH, HASH_VERSION } from './audit-hash';
import { recordAudit } from './record-audit';
import { verifyAudit } from './verify-audit';

interface OldEvent {
  action: string;
  change: Record<string, unknown>;
  actorEmail?: string;
  address?: string;
  /** Only from migration 0005 on. */
  classification?: 'U' | 'C' | 'S';
}

/**
 * Appends an event the way Demarche did before hash versions: before 0005 the hashed JSON had
 * no marking, from 0005 it had one. Both shapes are written out here, not taken from the code.
 */
async function appendAsBefore(db: Executor, event: OldEvent): Promise<number> {
  const [last] = await queryRows<{ hash: string }>(db, sql`select hash from audit_events order by id desc limit 1`);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const [next] = await queryRows<{ id: string }>(db, sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id`);
  const id = Number(next!.id);
  const at = new Date();
  const shape = {
    id,
    at: at.toISOString(),
    actorId: null,
    actorEmail: event.actorEmail ?? null,
    via: 'cli',
    action: event.action,
    recordType: 'user',
    recordId: null,
    change: event.change,
    address: event.address ?? null,
    prevHash,
    ...(event.classification ? { classification: event.classification } : {}),
  };
  const hash = createHash('sha256').update(canonicalize(shape)!).digest('hex');
  const change = JSON.stringify(event.change);
  await db.execute(
    event.classification
      ? sql`insert into audit_events (id, at, actor_email, via, action, record_type, change, address, classification, prev_hash, hash) overriding system value
            values (${id}, ${shape.at}, ${shape.actorEmail}, 'cli', ${event.action}, 'user', ${change}::jsonb, ${shape.address}, ${event.classification}, ${prevHash}, ${hash})`
      : sql`insert into audit_events (id, at, actor_email, via, action, record_type, change, address, prev_hash, hash) overriding system value
            values (${id}, ${shape.at}, ${shape.actorEmail}, 'cli', ${event.action}, 'user', ${change}::jsonb, ${shape.address}, ${prevHash}, ${hash})`,
  );
  return id;
}

/** Alters the table as a superuser would, bypassing the append-only triggers. */
async function tamper(db: Executor, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/** What JSON can hold that is easy to get wrong in a canonical form: escapes, key order, numbers. */
const AWKWARD_CHANGE = {
  subject: 'Quote " backslash \\ newline \n tab \t bell \u0007 é 😀 \u2028 end',
  nested: { zeta: [1, 2.5, -0.125, { b: null, a: true }], Alpha: 'upper case sorts first', é: 'a key past ASCII', '': 'an empty key' },
  numbers: [1e21, 1.5e25, -2.5e-7, 1.5e-7, 0.000001, 12345678901234567000, 0, -3, 0.1],
  empty: { object: {}, array: [] },
};

describe('upgrading a database whose audit trail began before markings were hashed', () => {
  let database: TestDatabase;
  const ids: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrate(database, migrationsUpTo('0004_list_order_indexes'));
    ids.push(await appendAsBefore(database.db, { action: 'user.created', change: { email: 'first@example.org', role: 'admin' } }));
    ids.push(await appendAsBefore(database.db, { action: 'session.signed_in', change: {}, actorEmail: 'first@example.org', address: '::1' }));
    ids.push(await appendAsBefore(database.db, { action: 'user.updated', change: AWKWARD_CHANGE }));
    await migrate(database, migrationsUpTo('0007_notifications_composed_at_read'));
    ids.push(await appendAsBefore(database.db, { action: 'user.created', change: { email: 'second@example.org' }, classification: 'S' }));
    ids.push(await appendAsBefore(database.db, { action: 'user.updated', change: AWKWARD_CHANGE, classification: 'U' }));
    await migrate(database);
    ids.push(
      (
        await database.db.transaction((tx) =>
          recordAudit(tx, SYSTEM, { action: 'user.disabled', recordType: 'user', change: { disabled: { from: false, to: true } }, classification: 'C' }),
        )
      ).id,
    );
  });
  afterAll(async () => database.close());

  const versions = async () =>
    (await database.db.select({ id: auditEvents.id, version: auditEvents.hashVersion }).from(auditEvents).orderBy(asc(auditEvents.id))).map((row) => [
      row.id,
      row.version,
    ]);

  it('verifies every event under the form it was hashed with, old and new', async () => {
    expect(await versions()).toEqual([
      [ids[0], 1],
      [ids[1], 1],
      [ids[2], 1],
      [ids[3], 2],
      [ids[4], 2],
      [ids[5], HASH_VERSION],
    ]);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, checked: 6 });
  });

  it('still names an old event that a superuser altered', async () => {
    await tamper(database.db, sql`update audit_events set change = '{"email":"first@example.org","role":"officer"}'::jsonb where id = ${ids[0]!}`);
    const result = await verifyAudit(database.db);
    await tamper(database.db, sql`update audit_events set change = '{"email":"first@example.org","role":"admin"}'::jsonb where id = ${ids[0]!}`);
    expect(result).toMatchObject({ ok: false, brokenAt: ids[0], checked: 0, reason: expect.stringContaining('altered') });
    expect(await verifyAudit(database.db)).toEqual({ ok: true, checked: 6 });
  });

  it('names an event hashed with its marking whose marking was lowered, even when its version is set back to the old form', async () => {
    await tamper(database.db, sql`update audit_events set classification = 'U' where id = ${ids[3]!}`);
    const lowered = await verifyAudit(database.db);
    await tamper(database.db, sql`update audit_events set hash_version = 1 where id = ${ids[3]!}`);
    const downgraded = await verifyAudit(database.db);
    await tamper(database.db, sql`update audit_events set classification = 'S', hash_version = 2 where id = ${ids[3]!}`);
    expect(lowered).toMatchObject({ ok: false, brokenAt: ids[3], checked: 3, reason: expect.stringContaining('altered') });
    expect(downgraded).toMatchObject({ ok: false, brokenAt: ids[3], checked: 3, reason: expect.stringContaining('altered') });
    expect(await verifyAudit(database.db)).toEqual({ ok: true, checked: 6 });
  });

  it('names an event that claims a form this Demarche does not know', async () => {
    await tamper(database.db, sql`update audit_events set hash_version = 9 where id = ${ids[4]!}`);
    const result = await verifyAudit(database.db);
    await tamper(database.db, sql`update audit_events set hash_version = 2 where id = ${ids[4]!}`);
    expect(result).toMatchObject({ ok: false, brokenAt: ids[4], checked: 4 });
    expect(result.ok === false && result.reason).toContain('hashed with canonical form 9, which this version of Demarche does not know');
  });
});
