import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../db/schema/index';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession, type TestUser } from '../testing/test-app';
import { IDLE_TIMEOUT_MS, USER_AGENT_MAX_LENGTH } from './session-store';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

describe('your own sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  afterEach(() => vi.useRealTimers());

  /** Signs in as a browser would, from this address with this User-Agent. */
  async function signInFrom(user: TestUser, address: string, userAgent = ''): Promise<TestSession & { cookieValue: string }> {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: address,
      headers: { 'user-agent': userAgent },
    });
    expect(response.statusCode).toBe(200);
    const cookieValue = response.cookies.find((c) => c.name === 'demarche_session')?.value ?? '';
    const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    const cookie = `demarche_session=${cookieValue}`;
    return { cookie, cookieValue, csrfToken, headers: (options = {}) => ({ cookie, ...(options.csrf ? { 'x-csrf-token': csrfToken } : {}) }) };
  }
  const list = (session: TestSession, query = '') => t.request({ method: 'GET', url: `/api/v1/me/sessions${query}`, headers: session.headers() });
  const revoke = (session: TestSession, id: string) =>
    t.request({ method: 'DELETE', url: `/api/v1/me/sessions/${id}`, headers: session.headers({ csrf: true }) });
  const me = (session: TestSession) => t.request({ method: 'GET', url: '/api/v1/me', headers: session.headers() });

  it('lists your active sessions, newest sign-in first, with where they signed in from and this one marked', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const stranger = await t.user({ role: 'officer', post: 'berlin' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const laptop = await signInFrom(user, '10.20.0.1', FIREFOX);
    vi.setSystemTime(Date.now() + 60_000);
    const phone = await signInFrom(user, '10.20.0.2', PHONE);
    await signInFrom(stranger, '10.20.0.3', FIREFOX);

    const response = await list(laptop);
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({ address: '10.20.0.2', userAgent: PHONE, current: false }),
      expect.objectContaining({ address: '10.20.0.1', userAgent: FIREFOX, current: true }),
    ]);
    const [newest, oldest] = items;
    expect(Date.parse(newest.signedInAt) - Date.parse(oldest.signedInAt)).toBe(60_000);
    expect(Date.parse(oldest.expiresAt) - Date.parse(oldest.signedInAt)).toBe(12 * 60 * 60 * 1000);
    expect((await list(phone)).json().items.map((item: { current: boolean }) => item.current)).toEqual([true, false]);

    // Neither the session's secret nor its stored hash is shown.
    const body = response.body;
    for (const session of [laptop, phone]) {
      const sessionId = decodeURIComponent(session.cookieValue).split('.')[0] ?? '';
      expect(sessionId.length).toBeGreaterThan(10);
      expect(body).not.toContain(sessionId);
      expect(body).not.toContain(createHash('sha256').update(sessionId).digest('hex'));
    }
  });

  it('leaves out sessions that have ended by idling, and lists them for an API token with none marked current', async () => {
    const user = await t.user({ role: 'hq_analyst' });
    vi.useFakeTimers({ toFake: ['Date'] });
    await signInFrom(user, '10.21.0.1', FIREFOX);
    vi.setSystemTime(Date.now() + IDLE_TIMEOUT_MS + 60_000);
    const later = await signInFrom(user, '10.21.0.2', PHONE);
    const items = (await list(later)).json().items;
    expect(items.map((item: { address: string }) => item.address)).toEqual(['10.21.0.2']);

    const byToken = await t.request({ method: 'GET', url: '/api/v1/me/sessions', as: user });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json().items).toEqual([expect.objectContaining({ address: '10.21.0.2', current: false })]);
  });

  it('pages with a cursor, and refuses a cursor it did not issue', async () => {
    const user = await t.user({ role: 'hq_analyst' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const sessions: TestSession[] = [];
    for (let i = 1; i <= 3; i++) {
      sessions.push(await signInFrom(user, `10.22.0.${i}`));
      vi.setSystemTime(Date.now() + 1000);
    }
    const session = sessions[0]!;
    const first = (await list(session, '?limit=2')).json();
    expect(first.items.map((item: { address: string }) => item.address)).toEqual(['10.22.0.3', '10.22.0.2']);
    const second = (await list(session, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ address: '10.22.0.1', current: true })], nextCursor: null });

    const forged = await list(session, '?cursor=not-a-cursor');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this server issued' }]);
  });

  it('keeps a User-Agent of reasonable length, and none when the browser sent an empty one', async () => {
    const user = await t.user({ role: 'hq_analyst' });
    const long = await signInFrom(user, '10.23.0.1', `Agent/${'x'.repeat(2000)}`);
    const bare = await signInFrom(user, '10.23.0.2');
    const items = (await list(long)).json().items as { address: string; userAgent: string | null }[];
    expect(items.find((item) => item.address === '10.23.0.1')?.userAgent).toHaveLength(USER_AGENT_MAX_LENGTH);
    expect(items.find((item) => item.address === '10.23.0.2')?.userAgent).toBeNull();
    expect((await me(bare)).statusCode).toBe(200);
  });

  it('revokes another of your sessions: it stops working at once, and is audited', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const here = await signInFrom(user, '10.24.0.1', FIREFOX);
    const lost = await signInFrom(user, '10.24.0.2', PHONE);
    const lostId = (await list(here)).json().items.find((item: { current: boolean }) => !item.current).id;

    const response = await revoke(here, lostId);
    expect(response.statusCode).toBe(204);
    expect(response.cookies).toEqual([]);
    expect((await me(lost)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    expect((await list(here)).json().items).toEqual([expect.objectContaining({ address: '10.24.0.1', current: true })]);

    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.actor.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: 'session.revoked', recordType: 'session', recordId: lostId, change: { current: false } });

    // Gone: a second revoke finds nothing.
    const again = await revoke(here, lostId);
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toBe('Session does not exist.');
  });

  it('revoking the session you are using signs you out', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const here = await signInFrom(user, '10.25.0.1', FIREFOX);
    const other = await signInFrom(user, '10.25.0.2', PHONE);
    const hereId = (await list(here)).json().items.find((item: { current: boolean }) => item.current).id;

    const response = await revoke(here, hereId);
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'demarche_session')?.value).toBe('');
    expect((await me(here)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.actor.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: 'session.revoked', recordId: hereId, change: { current: true } });
  });

  it('cannot see or revoke another user’s session: it does not exist for you', async () => {
    const user = await t.user({ role: 'admin' });
    const victim = await t.user({ role: 'officer', post: 'berlin' });
    const mine = await signInFrom(user, '10.26.0.1');
    const theirs = await signInFrom(victim, '10.26.0.2');
    const theirId = (await list(theirs)).json().items[0].id;
    expect((await list(mine)).json().items.map((item: { id: string }) => item.id)).not.toContain(theirId);

    const response = await revoke(mine, theirId);
    expect(response.statusCode).toBe(404);
    expect((await me(theirs)).statusCode).toBe(200);
    const unknown = await revoke(mine, '00000000-0000-4000-8000-000000000000');
    expect({ ...unknown.json(), instance: undefined }).toEqual({ ...response.json(), instance: undefined });
    const malformed = await revoke(mine, 'not-a-session');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([{ field: 'path.id', message: 'must be a session id' }]);
  });

  it('needs the CSRF token to revoke with a cookie', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const here = await signInFrom(user, '10.27.0.1');
    const other = await signInFrom(user, '10.27.0.2');
    const otherId = (await list(here)).json().items.find((item: { current: boolean }) => !item.current).id;
    const refused = await t.request({ method: 'DELETE', url: `/api/v1/me/sessions/${otherId}`, headers: here.headers() });
    expect(refused.statusCode).toBe(403);
    expect((await me(other)).statusCode).toBe(200);
  });
});
