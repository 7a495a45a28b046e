import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { verifyAudit } from './verify-audit';

describe('audit trail', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ role: 'admin' });
    const officer = await t.user({ role: 'officer' });
    await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: officer.email, password: 'wrong password!' } });
    const session = await t.signIn(officer.email);
    await t.request({ method: 'DELETE', url: '/api/v1/session', headers: session.headers({ csrf: true }) });
  });
  afterAll(async () => t.close());

  /** Alters the table as a superuser would, bypassing the append-only triggers. */
  const tamper = (statement: ReturnType<typeof sql>) =>
    t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(statement);
    });

  it('records every write: users, tokens, sign-in, failed sign-in, sign-out', async () => {
    const events = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'token.created', 'session.sign_in_failed', 'session.signed_in', 'session.signed_out']));
    const failed = events.find((event) => event.action === 'session.sign_in_failed');
    expect(failed).toMatchObject({ via: 'session', address: '127.0.0.1', change: { reason: 'wrong password' } });
    // Secrets never enter the trail.
    expect(JSON.stringify(events)).not.toMatch(/wrong password!|correct horse|dmt_/);
    expect(await verifyAudit(t.database.db)).toEqual({ ok: true, checked: events.length });
  });

  it('is append-only in the database itself', async () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = (await t.database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      )) as { message: string; cause?: { message: string } } | undefined;
      return error?.cause?.message ?? error?.message;
    };
    expect(await refusal(sql`update audit_events set action = 'x' where id = (select min(id) from audit_events)`)).toMatch(/append-only: UPDATE/);
    expect(await refusal(sql`delete from audit_events`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate audit_events`)).toMatch(/append-only: TRUNCATE/);
  });

  it('names the first event a superuser altered', async () => {
    const [third] = await t.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).offset(2).limit(1);
    await tamper(sql`update audit_events set change = '{"email":"someone-else@example.org"}'::jsonb where id = ${third!.id}`);
    const result = await verifyAudit(t.database.db);
    expect(result).toMatchObject({ ok: false, brokenAt: third!.id, checked: 2 });
    expect(result.ok === false && result.reason).toContain('altered');
  });

  it('names the event after one a superuser deleted', async () => {
    const ids = (await t.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).map((row) => row.id);
    // Restore the previous test's damage by removing that event, then check the link after it.
    await tamper(sql`delete from audit_events where id = ${ids[2]!}`);
    const result = await verifyAudit(t.database.db);
    expect(result).toMatchObject({ ok: false, brokenAt: ids[3] });
    expect(result.ok === false && result.reason).toContain(`does not match event ${ids[1]}`);
  });

  it('shows an administrator only the events about records they are cleared for', async () => {
    const { recordAudit } = await import('./record-audit');
    await t.database.db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, via: 'system', address: null },
        {
          action: 'engagement.created',
          recordType: 'engagement',
          recordId: 'secret-one',
          change: { subject: 'A secret subject' },
          classification: 'S',
        },
      ),
    );
    const confidential = await t.user({ role: 'admin', clearance: 'C' });
    const cleared = await t.user({ role: 'admin', clearance: 'S' });
    const seen = async (user: TestUser) =>
      (await t.request({ method: 'GET', url: '/api/v1/audit?recordType=engagement', as: user }))
        .json()
        .items.map((e: { recordId: string; classification: string }) => `${e.recordId}/${e.classification}`);
    expect(await seen(cleared)).toEqual(['secret-one/S']);
    expect(await seen(confidential)).toEqual([]);
  });

  it('is readable by administrators with filters, newest first', async () => {
    const all = await t.request({ method: 'GET', url: '/api/v1/audit', as: admin });
    expect(all.statusCode).toBe(200);
    const ids = all.json().items.map((event: { id: number }) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const failures = await t.request({ method: 'GET', url: '/api/v1/audit?action=session.sign_in_failed', as: admin });
    expect(failures.json().items.every((event: { action: string }) => event.action === 'session.sign_in_failed')).toBe(true);
    const page = (await t.request({ method: 'GET', url: '/api/v1/audit?limit=2', as: admin })).json();
    const next = (await t.request({ method: 'GET', url: `/api/v1/audit?limit=2&cursor=${page.nextCursor}`, as: admin })).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
    const badDate = await t.request({ method: 'GET', url: '/api/v1/audit?from=yesterday', as: admin });
    expect(badDate.json().errors).toEqual([{ field: 'query.from', message: 'must be an ISO 8601 date-time such as 2026-03-02T09:30:00Z' }]);

    const analyst = await t.user({ role: 'hq_analyst' });
    expect((await t.request({ method: 'GET', url: '/api/v1/audit', as: analyst })).statusCode).toBe(403);
  });
});
