import { asc, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEvent } from '../../shared/audit';
import { directiveInput } from '../directives/directive-test-builders';
import { apiTokens, auditEvents, calendarFeeds, posts, sessions, users } from '../db/schema/index';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app';
import { presentAuditEvents } from './audit-presenter';
import { secretsIn } from './audit-secrets';
import { verifyAudit } from './verify-audit';

/**
 * The trail as people read it: records by name (or "a record you may not open"), the actor by
 * name, the change in words, and never a secret, after a representative set of writes made
 * through the API as users make them.
 */
describe('reading the audit trail', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let approver: TestUser;
  let author: TestUser;
  const ids = { directive: '', contact: '', engagement: '', user: '' };
  let reference = '';
  let berlinName = '';
  /** Every secret the writes handled: none may be in any event. */
  const secrets: string[] = [];
  const NEW_PASSWORD = 'a brand new passphrase 77';
  const RESET_PASSWORD = 'reset by the administrator 31';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ role: 'admin', clearance: 'S', name: 'Ada Admin' });
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S', name: 'Olga Officer' });
    approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'S', name: 'Abel Approver' });
    author = await t.user({ role: 'directive_author', clearance: 'S', name: 'Dora Author' });
    const ok = async (response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
      const done = await response;
      if (done.statusCode !== status) throw new Error(`expected ${status}, got ${done.statusCode}: ${done.body}`);
      return (done.body ? done.json() : {}) as Record<string, unknown> & { id: string };
    };
    const [berlin] = await t.database.db.select({ name: posts.name }).from(posts).where(eq(posts.code, 'berlin'));
    berlinName = berlin!.name;

    // A directive, drafted, edited and issued.
    const draft = await ok(
      t.request({
        method: 'POST',
        url: '/api/v1/directives',
        as: author,
        payload: directiveInput({ subject: 'Migration talks', talkingPoints: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }] }),
      }),
      201,
    );
    ids.directive = draft.id;
    reference = draft.reference as string;
    await ok(t.request({ method: 'PATCH', url: `/api/v1/directives/${draft.id}`, as: author, payload: { subject: 'Migration talks (revised)' } }));
    const issued = await ok(t.request({ method: 'POST', url: `/api/v1/directives/${draft.id}/issue`, as: author }));
    const pointIds = (issued.talkingPoints as { id: string }[]).map((point) => point.id);

    // A contact, and an engagement with it: drafted, given two more points, submitted, approved.
    const contact = await ok(
      t.request({
        method: 'POST',
        url: '/api/v1/contacts',
        as: officer,
        payload: {
          name: 'Quentin Quaestor',
          title: 'State Secretary',
          organization: 'Federal Ministry of the Interior',
          organizationType: 'ministry_of_interior',
          country: 'DE',
          classification: 'C',
          synthetic: true,
        },
      }),
      201,
    );
    ids.contact = contact.id;
    const engagement = await ok(
      t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as: officer,
        payload: {
          occurredAt: '2025-12-03T10:00:00Z',
          kind: 'meeting',
          classification: 'C',
          directives: [ids.directive],
          contacts: [ids.contact],
          points: [{ talkingPointId: pointIds[0], delivered: true, reception: 'receptive' }],
          ourReadout: 'Synthetic readout.',
          synthetic: true,
        },
      }),
      201,
    );
    ids.engagement = engagement.id;
    await ok(
      t.request({
        method: 'PATCH',
        url: `/api/v1/engagements/${engagement.id}`,
        as: officer,
        payload: { points: pointIds.map((talkingPointId) => ({ talkingPointId, delivered: true, reception: 'receptive' })) },
      }),
    );
    await ok(t.request({ method: 'POST', url: `/api/v1/engagements/${engagement.id}/submit`, as: officer }));
    await ok(t.request({ method: 'POST', url: `/api/v1/engagements/${engagement.id}/approve`, as: approver }));

    // A user: created, given a role and a new password by an administrator; then they sign in,
    // fail once, rotate their calendar feed, make and revoke a token, change their password.
    const nina = await ok(
      t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: admin,
        payload: { email: 'nina@example.org', name: 'Nina New', role: 'officer', post: 'berlin', clearance: 'U', password: TEST_PASSWORD },
      }),
      201,
    );
    ids.user = nina.id;
    await ok(t.request({ method: 'PATCH', url: `/api/v1/users/${nina.id}`, as: admin, payload: { role: 'approver', password: RESET_PASSWORD } }));
    await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: 'nina@example.org', password: 'not her password' } });
    const session = await t.signIn('nina@example.org', RESET_PASSWORD);
    secrets.push(session.cookie.replace('demarche_session=', ''), session.csrfToken);
    const feed = await ok(t.request({ method: 'POST', url: '/api/v1/calendar/rotate', headers: session.headers({ csrf: true }) }));
    secrets.push(String(feed.url).split('/').pop()!.replace('.ics', ''));
    const token = await ok(
      t.request({ method: 'POST', url: '/api/v1/tokens', headers: session.headers({ csrf: true }), payload: { name: 'laptop', expiresInDays: 30 } }),
      201,
    );
    secrets.push(token.token as string);
    await ok(t.request({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: session.headers({ csrf: true }) }), 204);
    await ok(
      t.request({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: session.headers({ csrf: true }),
        payload: { currentPassword: RESET_PASSWORD, newPassword: NEW_PASSWORD },
      }),
    );
    await t.request({ method: 'POST', url: '/api/v1/tags', as: admin, payload: { code: 'AUDT', name: 'Audit trail test' } });
    for (const user of [admin, officer, approver, author]) secrets.push(user.headers.authorization.replace('Bearer ', ''));
    secrets.push(TEST_PASSWORD, NEW_PASSWORD, RESET_PASSWORD);
  });
  afterAll(async () => t.close());

  const trail = async (query: string, as: TestUser = admin) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/audit?limit=500&${query}`, as });
    expect(response.statusCode).toBe(200);
    return response.json().items as TAuditEvent[];
  };
  const change = (event: TAuditEvent | undefined) => Object.fromEntries((event?.changes ?? []).map((item) => [item.label, item.text]));

  it('never records a password, a hash, a token or a session or calendar secret', async () => {
    const events = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(events.length).toBeGreaterThan(20);
    const stored = [
      ...(await t.database.db.select({ hash: users.passwordHash }).from(users)).map((row) => row.hash),
      ...(await t.database.db.select({ hash: apiTokens.tokenHash }).from(apiTokens)).map((row) => row.hash),
      ...(await t.database.db.select({ hash: sessions.idHash }).from(sessions)).map((row) => row.hash),
      ...(await t.database.db.select({ hash: calendarFeeds.secretHash }).from(calendarFeeds)).map((row) => row.hash),
    ];
    expect(stored.length).toBeGreaterThan(8);
    const text = JSON.stringify(events);
    for (const secret of [...secrets, ...stored]) expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) is in the trail`).toBe(false);
    for (const event of events) expect(secretsIn(event.change), event.action).toEqual([]);
    expect(await verifyAudit(t.database.db)).toEqual({ ok: true, checked: events.length });
  });

  it('refuses to record an event that says nothing, or a secret', async () => {
    const { recordAudit } = await import('./record-audit');
    const write = (change: Record<string, unknown>) =>
      t.database.db.transaction((tx) =>
        recordAudit(tx, { actor: null, via: 'system', address: null }, { action: 'x.y', recordType: 'x', change, classification: 'U' }),
      );
    await expect(write({})).rejects.toThrow('Audit event x.y records no change');
    await expect(write({ passwordHash: '$argon2id$v=19$m=1' })).rejects.toThrow('would record a secret (change.passwordHash)');
    // A token pasted into text by mistake: the write goes through, the trail keeps the text without it.
    const pasted = secrets.find((s) => s.startsWith('dmt_'));
    await write({ note: `my token is ${pasted}, sorry` });
    const [kept] = await t.database.db.select({ change: auditEvents.change }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(kept?.change).toEqual({ note: 'my token is [secret removed], sorry' });
    await expect(write({ password: 'hunter2-hunter2' })).rejects.toThrow('would record a secret (change.password)');
  });

  it('names each record and actor, and says each change in words', async () => {
    const directive = await trail(`recordId=${ids.directive}`);
    const edited = directive.find((event) => event.action === 'directive.updated');
    // An administrator knows the directive through the trail, and may not open it: named, not linked.
    expect(edited?.record).toEqual({
      type: 'directive',
      typeLabel: 'Directive',
      id: ids.directive,
      name: `${reference}: Migration talks (revised)`,
      href: null,
      withheld: false,
    });
    expect(edited).toMatchObject({ actorName: 'Dora Author', actionLabel: 'Updated' });
    expect(change(edited)).toEqual({ Subject: '‘Migration talks’ → ‘Migration talks (revised)’' });
    expect(change(directive.find((event) => event.action === 'directive.issued'))).toMatchObject({ Status: 'draft → issued' });

    const engagement = await trail(`recordId=${ids.engagement}`);
    expect(engagement.map((event) => event.record.name)).toEqual(Array(4).fill(`2025-12-03 · ${berlinName} · Meeting`));
    expect(change(engagement.find((event) => event.action === 'engagement.updated'))).toEqual({ 'Talking points': '2 added' });
    expect(engagement.find((event) => event.action === 'engagement.submitted')).toMatchObject({ actorName: 'Olga Officer' });
    expect(change(engagement.find((event) => event.action === 'engagement.submitted'))).toEqual({ Status: 'draft → submitted' });
    expect(change(engagement.find((event) => event.action === 'engagement.approved'))).toEqual({ Status: 'submitted → approved' });

    const [contact] = await trail(`recordId=${ids.contact}`);
    expect(contact?.record).toMatchObject({ name: 'Quentin Quaestor, Federal Ministry of the Interior', href: null });

    const nina = await trail(`recordId=${ids.user}`);
    const updated = nina.find((event) => event.action === 'user.updated');
    // Users are the administrator's to open: a link to the user's page.
    expect(updated?.record).toMatchObject({ typeLabel: 'User', name: 'Nina New (nina@example.org)', href: `/admin/users/${ids.user}` });
    expect(change(updated)).toEqual({ Role: 'Officer → Approver', Password: 'changed', 'Sessions ended': 'yes' });
    expect(change(nina.find((event) => event.action === 'session.signed_in'))).toEqual({ Session: 'started' });
    expect(change(nina.find((event) => event.action === 'calendar.rotated'))).toEqual({ 'Calendar feed address': 'replaced' });
    expect(change(nina.find((event) => event.action === 'session.sign_in_failed'))).toEqual({ Email: 'nina@example.org', Reason: '‘wrong password’' });

    const [token] = await trail('recordType=api_token&action=token.revoked');
    expect(token).toMatchObject({ actorName: 'Nina New', record: { name: '‘laptop’ of Nina New', href: `/admin/users/${ids.user}` } });

    // No event of the whole trail says nothing ("{}"), nor shows an id where a name is known.
    const all = await trail('');
    expect(all.filter((event) => event.changes.length === 0).map((event) => event.action)).toEqual([]);
    expect(all.filter((event) => event.actorId && !event.actorName)).toEqual([]);
  });

  it('withholds what a record now marked above the reader’s clearance is, and what changed in it', async () => {
    // The contact was created at C (an event a C-cleared administrator reads), then marked S.
    await t.request({ method: 'PATCH', url: `/api/v1/contacts/${ids.contact}`, as: officer, payload: { classification: 'S' } });
    const confidential = await t.user({ role: 'admin', clearance: 'C' });
    const response = await t.request({ method: 'GET', url: `/api/v1/audit?recordId=${ids.contact}`, as: confidential });
    const events = response.json().items as TAuditEvent[];
    expect(events.map((event) => event.action)).toEqual(['contact.created']);
    expect(events[0]).toMatchObject({
      record: { typeLabel: 'Contact', name: null, href: null, withheld: true },
      change: null,
      actorName: 'Olga Officer',
    });
    expect(events[0]!.changes.map((item) => item.text)).toEqual(events[0]!.changes.map(() => null));
    expect(response.body).not.toMatch(/Quentin|Quaestor|Interior/);
    // Cleared for S, another administrator reads both, by name.
    expect((await trail(`recordId=${ids.contact}`)).map((event) => event.record.name)).toEqual(
      Array(2).fill('Quentin Quaestor, Federal Ministry of the Interior'),
    );
  });

  it('withholds another post’s records from a reader scoped to a post, and links the own post’s', async () => {
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.recordId, [ids.engagement, ids.contact, ids.directive]));
    const paris = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    const ottawaAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'WHA', clearance: 'S' });
    for (const reader of [paris, ottawaAnalyst]) {
      const seen = await presentAuditEvents(t.database.db, reader.actor, rows);
      expect(seen.map((event) => event.record.withheld)).toEqual(rows.map(() => true));
      expect(JSON.stringify(seen)).not.toMatch(/Quentin|Migration talks|Meeting|Berlin|berlin/);
    }
    const berlin = await presentAuditEvents(t.database.db, officer.actor, rows);
    const engagement = berlin.find((event) => event.recordId === ids.engagement);
    expect(engagement?.record).toMatchObject({ name: `2025-12-03 · ${berlinName} · Meeting`, href: `/engagements/${ids.engagement}` });
    expect(berlin.find((event) => event.recordId === ids.directive)?.record.href).toBe(`/directives/${ids.directive}`);
  });

  it('is read by administrators only', async () => {
    for (const role of ['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author'] as const) {
      const user = await t.user({ role, clearance: 'S' });
      expect((await t.request({ method: 'GET', url: '/api/v1/audit', as: user })).statusCode, role).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('names a whole page of records in one query', async () => {
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(new Set(rows.map((row) => row.recordType)).size).toBeGreaterThan(5);
    let queries = 0;
    const db = t.database.db;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || !['execute', 'select', 'selectDistinct'].includes(String(property))) return value;
        return (...args: unknown[]) => {
          queries += 1;
          return value.apply(target, args);
        };
      },
    });
    const seen = await presentAuditEvents(counting, admin.actor, rows);
    expect(seen.filter((event) => event.record.name !== null).length).toBeGreaterThan(20);
    expect(queries).toBe(1);
  });
});
