import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../db/schema/index';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession, type TestUser } from '../testing/test-app';
import { MAX_FAILURES_PER_ACCOUNT } from './sign-in-limits';

const MINUTE = 60_000;
const NEW_PASSWORD = 'lantern orchard seventeen';

describe('changing your own password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  afterEach(() => vi.useRealTimers());

  let addresses = 0;
  /** Each test signs in from its own address, so the per-address limit of one never reaches another. */
  const freshAddress = () => `10.60.${Math.floor(++addresses / 200)}.${addresses % 200}`;

  const change = (session: TestSession, payload: unknown, remoteAddress = '127.0.0.1') =>
    t.request({ method: 'POST', url: '/api/v1/me/password', payload: payload as object, headers: session.headers({ csrf: true }), remoteAddress });
  const me = (headers: Record<string, string>) => t.request({ method: 'GET', url: '/api/v1/me', headers });
  const signIn = (user: TestUser, password: string, remoteAddress = freshAddress()) =>
    t.request({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password }, remoteAddress });
  const fields = (response: { json(): { errors?: { field: string; message: string }[] } }) => response.json().errors ?? [];
  const auditOf = (user: TestUser) => t.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.actor.id)).orderBy(desc(auditEvents.id));

  it('changes the password, keeps this session, ends the others and revokes the API tokens', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const here = await t.signIn(user.email);
    const laptop = await t.signIn(user.email);
    const phone = await t.signIn(user.email);

    const response = await change(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ otherSessionsEnded: 2, tokensRevoked: 1 });

    expect((await me(here.headers())).statusCode).toBe(200);
    expect((await me(laptop.headers())).statusCode).toBe(401);
    expect((await me(phone.headers())).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: user })).statusCode).toBe(401);
    // This session can still write: its CSRF token is unchanged.
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'after', expiresInDays: 1 }, headers: here.headers({ csrf: true }) }))
        .statusCode,
    ).toBe(201);

    expect((await signIn(user, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(user, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('audits the change and the tokens it revoked, never a password', async () => {
    const user = await t.user({ role: 'hq_analyst' });
    const session = await t.signIn(user.email);
    await change(session, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect((await change(session, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);

    const events = await auditOf(user);
    expect(events.map((event) => event.action)).toEqual(['user.password_changed', 'token.revoked', 'user.password_change_failed', 'session.signed_in']);
    expect(events[0]).toMatchObject({ recordType: 'user', recordId: user.actor.id, via: 'session', change: { otherSessionsEnded: 0, tokensRevoked: 1 } });
    expect(events[1]?.change).toMatchObject({ reason: 'password changed' });
    expect(events[2]?.change).toEqual({ reason: 'wrong current password' });
    const trail = JSON.stringify(events);
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, 'not my password at all']) expect(trail).not.toContain(secret);
  });

  it('refuses a wrong current password, naming the field, and keeps the old password', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const session = await t.signIn(user.email);
    const other = await t.signIn(user.email);
    const response = await change(session, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fields(response)).toEqual([{ field: 'body.currentPassword', message: 'is wrong' }]);

    expect((await me(other.headers())).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: user })).statusCode).toBe(200);
    expect((await signIn(user, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(user, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('applies the rules of user creation to the new password', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin', email: 'wilhelmina@demarche.test' });
    const session = await t.signIn(user.email);
    const cases: [string, string][] = [
      ['too short', 'must be at least 12 characters'],
      ['password1234', 'is one of the most common passwords; choose another'],
      ['wilhelmina-in-berlin', 'must not contain your email name'],
      ['aaaaaaaaaaaaabbbbbbbb', 'must use more than a few different characters'],
      [TEST_PASSWORD, 'must differ from your current password'],
    ];
    for (const [newPassword, message] of cases) {
      const response = await change(session, { currentPassword: TEST_PASSWORD, newPassword });
      expect(response.statusCode, newPassword).toBe(400);
      expect(fields(response), newPassword).toEqual([{ field: 'body.newPassword', message }]);
    }
    // Both fields at once: a wrong current password and a weak new one.
    const both = await change(session, { currentPassword: 'not my password at all', newPassword: 'password1234' });
    expect(fields(both)).toEqual([
      { field: 'body.currentPassword', message: 'is wrong' },
      { field: 'body.newPassword', message: 'is one of the most common passwords; choose another' },
    ]);
    const empty = await change(session, { currentPassword: '' });
    expect(fields(empty).map((error) => error.field)).toEqual(['body.currentPassword', 'body.newPassword']);
    expect((await signIn(user, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts a wrong current password as a failed sign-in: a stolen session cannot guess it', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const session = await t.signIn(user.email);
    const address = freshAddress();
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      expect((await change(session, { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD }, address)).statusCode).toBe(400);
    }
    const locked = await change(session, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, address);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(locked.json().detail).toMatch(/^Too many wrong passwords for this account\. Try again in \d+ minute/);
    // The account is locked for sign-in too, from anywhere, as after failed sign-ins.
    expect((await signIn(user, TEST_PASSWORD)).statusCode).toBe(429);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * MINUTE);
    const fresh = await t.signIn(user.email, TEST_PASSWORD, freshAddress());
    expect((await change(fresh, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, address)).statusCode).toBe(200);
  });

  it('lets at most 5 of 20 parallel guesses of the current password through', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const session = await t.signIn(user.email);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => change(session, { currentPassword: `parallel guess ${i}`, newPassword: NEW_PASSWORD }, freshAddress())),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([...Array(MAX_FAILURES_PER_ACCOUNT).fill(400), ...Array(20 - MAX_FAILURES_PER_ACCOUNT).fill(429)]);
    const failures = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, user.actor.id), inArray(auditEvents.action, ['user.password_change_failed'])));
    expect(failures).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });

  it('clears the account’s failures once the right password is given', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const session = await t.signIn(user.email);
    for (let attempt = 1; attempt < MAX_FAILURES_PER_ACCOUNT; attempt++) {
      await change(session, { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD }, freshAddress());
    }
    // The right password with a weak new one: refused for the new one, but the guessing stops counting.
    expect(fields(await change(session, { currentPassword: TEST_PASSWORD, newPassword: 'password1234' }, freshAddress()))[0]?.field).toBe('body.newPassword');
    await change(session, { currentPassword: 'one more slip', newPassword: NEW_PASSWORD }, freshAddress());
    expect((await change(session, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, freshAddress())).statusCode).toBe(200);
  });

  it('needs a session and its CSRF token: an API token cannot change the password', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const payload = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    const byToken = await t.request({ method: 'POST', url: '/api/v1/me/password', payload, as: user });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().detail).toBe('An API token cannot change the password; sign in to change it.');

    const session = await t.signIn(user.email);
    const withoutCsrf = await t.request({ method: 'POST', url: '/api/v1/me/password', payload, headers: session.headers() });
    expect(withoutCsrf.statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/me/password', payload })).statusCode).toBe(401);
    expect((await signIn(user, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets only one of two simultaneous changes from the same old password through', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    const first = await t.signIn(user.email);
    const second = await t.signIn(user.email);
    const answers = await Promise.all([
      change(first, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
      change(second, { currentPassword: TEST_PASSWORD, newPassword: 'another passphrase entirely' }),
    ]);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = answers[0]?.statusCode === 200 ? NEW_PASSWORD : 'another passphrase entirely';
    expect((await signIn(user, winner)).statusCode).toBe(200);
  });
});
