import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { createTestApp, type TestApp } from '../testing/test-app';
import { CHECKPOINT_ACTION, writeAuditCheckpoint } from './audit-checkpoint';
import { readAuditHead } from './audit-head';
import { lockAuditChain } from './record-audit';
import { verifyAudit } from './verify-audit';

describe('audit checkpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.user({ role: 'officer' });
  });
  afterAll(async () => t.close());

  const checkpoints = () =>
    t.database.db
      .select({ id: auditEvents.id, period: auditEvents.recordId, change: auditEvents.change, prevHash: auditEvents.prevHash })
      .from(auditEvents)
      .where(eq(auditEvents.action, CHECKPOINT_ACTION))
      .orderBy(asc(auditEvents.id));

  /**
   * Runs the jobs at once. On PostgreSQL they start while another transaction holds the
   * chain, so that all of them are under way before any can write (PGlite has one connection).
   * The holder, the jobs and the poll each take one of the test pool's four connections.
   */
  async function together<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
    if (t.database.driver === 'pglite') return Promise.all(jobs.map((job) => job()));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = () => {};
    const locked = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const holder = t.database.db.transaction(async (tx) => {
      await lockAuditChain(tx);
      holding();
      await held;
    });
    await locked;
    const runs = Promise.all(jobs.map((job) => job()));
    try {
      await expect
        .poll(
          async () =>
            (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`))[0]?.n,
        )
        .toBe(jobs.length);
    } finally {
      release();
      await holder;
    }
    return runs;
  }

  it('writes one checkpoint per UTC day, however often and by however many workers it runs', async () => {
    const before = await readAuditHead(t.database.db);
    const first = await writeAuditCheckpoint(t.database.db, new Date('2030-01-02T00:05:00Z'));
    const again = await together(
      [new Date('2030-01-02T00:05:01Z'), new Date('2030-01-02T23:59:59.999Z')].map((now) => () => writeAuditCheckpoint(t.database.db, now)),
    );
    // Eight in the morning in Sydney is still the first of January in UTC.
    const sydney = await writeAuditCheckpoint(t.database.db, new Date('2030-01-02T08:00:00+11:00'));
    expect(first).toMatchObject({ period: '2030-01-02', written: true });
    expect([...again, sydney].map((checkpoint) => [checkpoint.period, checkpoint.written, checkpoint.event])).toEqual([
      ['2030-01-02', false, first.event],
      ['2030-01-02', false, first.event],
      ['2030-01-01', true, expect.anything()],
    ]);
    const next = await writeAuditCheckpoint(t.database.db, new Date('2030-01-03T00:00:00Z'));
    expect(next).toMatchObject({ period: '2030-01-03', written: true });

    const rows = await checkpoints();
    expect(rows.map((row) => row.period)).toEqual(['2030-01-02', '2030-01-01', '2030-01-03']);
    // Each records the head it followed, which is the event before it.
    expect(rows[0]!.change).toEqual({ headId: before!.id, headHash: before!.hash });
    expect(rows[0]!.prevHash).toBe(before!.hash);
    expect(await readAuditHead(t.database.db)).toEqual(next.event);
    expect(await verifyAudit(t.database.db, { head: next.event })).toMatchObject({ ok: true });
  });

  it('shows in the trail as a system event that every administrator may read', async () => {
    const admin = await t.user({ role: 'admin', clearance: 'U' });
    const response = await t.request({ method: 'GET', url: `/api/v1/audit?action=${CHECKPOINT_ACTION}&recordId=2030-01-03`, as: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        action: 'audit.checkpoint',
        actorId: null,
        actorEmail: null,
        via: 'system',
        recordType: 'audit',
        recordId: '2030-01-03',
        classification: 'U',
        change: { headId: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      }),
    ]);
  });
});
