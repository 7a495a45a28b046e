import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../db/schema/index';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from './session-store';

const MINUTE = 60_000;

describe('sign-in and sessions', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ role: 'admin' });
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'SBU' });
  });
  afterAll(async () => t.close());
  afterEach(() => vi.useRealTimers());

  const me = (headers: Record<string, string>) => t.request({ method: 'GET', url: '/api/v1/me', headers });

  it('signs in with a secure cookie and returns the user, permissions and a CSRF token', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: officer.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'demarche_session');
    // Plain HTTP, as on a workstation: the session library lowers SameSite to Lax.
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.user).toMatchObject({ email: officer.email, role: 'officer', post: 'berlin', bureau: 'EUR', clearance: 'SBU' });
    expect(body.permissions).toEqual(expect.arrayContaining(['records.read', 'records.draft']));
    expect(body.permissions).not.toContain('users.manage');
    expect(body.csrfToken.length).toBeGreaterThan(10);

    const session = await t.signIn(officer.email);
    expect((await me(session.headers())).json().user.email).toBe(officer.email);
  });

  it('makes the cookie Secure and SameSite=Strict behind a TLS-terminating proxy', async () => {
    const behindProxy = await createTestApp({ seed: true, trustProxy: 1 });
    try {
      const user = await behindProxy.user({ role: 'hq_analyst' });
      const response = await behindProxy.request({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: user.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.cookies.find((c) => c.name === 'demarche_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    } finally {
      await behindProxy.close();
    }
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@demarche.test', password: 'whatever-it-is' },
      remoteAddress: '10.9.0.1',
    });
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: officer.email, password: 'not the password' },
      remoteAddress: '10.9.0.1',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe('Email or password is wrong.');
    expect({ ...wrong.json(), instance: undefined }).toEqual({ ...unknown.json(), instance: undefined });
    expect(wrong.cookies).toEqual([]);
  });

  it('ends a session after 30 idle minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const session = await t.signIn(officer.email);
    vi.setSystemTime(Date.now() + IDLE_TIMEOUT_MS - MINUTE);
    expect((await me(session.headers())).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + IDLE_TIMEOUT_MS + MINUTE);
    const expired = await me(session.headers());
    expect(expired.statusCode).toBe(401);
    expect(expired.json().title).toBe('Not signed in');
  });

  it('keeps an active session alive, recording activity at most once a minute', async () => {
    const user = await t.user({ role: 'officer', post: 'berlin' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const session = await t.signIn(user.email);
    const lastSeen = async () =>
      (await t.database.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, user.actor.id)))[0]!.at.getTime();
    const start = await lastSeen();
    vi.setSystemTime(start + 20_000);
    expect((await me(session.headers())).statusCode).toBe(200);
    expect(await lastSeen()).toBe(start);
    // Active every 20 minutes for an hour: never idle for 30.
    for (let minutes = 20; minutes <= 60; minutes += 20) {
      vi.setSystemTime(start + minutes * MINUTE);
      expect((await me(session.headers())).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    expect(await lastSeen()).toBe(start + 60 * MINUTE);
  });

  it('ends a session 12 hours after sign-in, however active', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const session = await t.signIn(officer.email);
    const start = Date.now();
    for (let elapsed = 20 * MINUTE; elapsed < ABSOLUTE_LIFETIME_MS; elapsed += 20 * MINUTE) {
      vi.setSystemTime(start + elapsed);
      expect((await me(session.headers())).statusCode, `after ${elapsed / MINUTE} minutes`).toBe(200);
    }
    vi.setSystemTime(start + ABSOLUTE_LIFETIME_MS + MINUTE);
    expect((await me(session.headers())).statusCode).toBe(401);
  });

  it('cuts a disabled user off mid-session, cookie and token alike', async () => {
    const victim = await t.user({ role: 'officer', post: 'berlin' });
    const session = await t.signIn(victim.email);
    expect((await me(session.headers())).statusCode).toBe(200);
    const disable = await t.request({ method: 'PATCH', url: `/api/v1/users/${victim.actor.id}`, payload: { disabled: true }, as: admin });
    expect(disable.statusCode).toBe(200);
    expect((await me(session.headers())).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: victim })).statusCode).toBe(401);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: victim.email, password: TEST_PASSWORD },
      remoteAddress: '10.9.0.2',
    });
    expect(again.statusCode).toBe(401);
  });

  it('ends every session of a user whose role, scope or clearance changes', async () => {
    const target = await t.user({ role: 'officer', post: 'berlin', clearance: 'C' });
    for (const change of [{ clearance: 'SBU' }, { post: 'ottawa' }, { role: 'approver' }]) {
      const first = await t.signIn(target.email);
      const second = await t.signIn(target.email);
      const response = await t.request({ method: 'PATCH', url: `/api/v1/users/${target.actor.id}`, payload: change, as: admin });
      expect(response.statusCode, JSON.stringify(change)).toBe(200);
      expect((await me(first.headers())).statusCode, JSON.stringify(change)).toBe(401);
      expect((await me(second.headers())).statusCode, JSON.stringify(change)).toBe(401);
    }
    // A change of name alone keeps the user signed in.
    const kept = await t.signIn(target.email);
    await t.request({ method: 'PATCH', url: `/api/v1/users/${target.actor.id}`, payload: { name: 'Renamed' }, as: admin });
    expect((await me(kept.headers())).json().user.name).toBe('Renamed');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await t.signIn(officer.email);
    const payload = { name: 'script', expiresInDays: 7 };
    const without = await t.request({ method: 'POST', url: '/api/v1/tokens', payload, headers: session.headers() });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toContain('CSRF');
    const wrong = await t.request({ method: 'POST', url: '/api/v1/tokens', payload, headers: { ...session.headers(), 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    const other = await t.signIn(admin.email);
    const borrowed = await t.request({ method: 'POST', url: '/api/v1/tokens', payload, headers: { ...session.headers(), 'x-csrf-token': other.csrfToken } });
    expect(borrowed.statusCode).toBe(403);
    const withToken = await t.request({ method: 'POST', url: '/api/v1/tokens', payload, headers: session.headers({ csrf: true }) });
    expect(withToken.statusCode).toBe(201);
  });

  it('signs out: the cookie no longer works', async () => {
    const session = await t.signIn(officer.email);
    const out = await t.request({ method: 'DELETE', url: '/api/v1/session', headers: session.headers({ csrf: true }) });
    expect(out.statusCode).toBe(204);
    expect((await me(session.headers())).statusCode).toBe(401);
  });

  it('validates the sign-in body field by field', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: '' } });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });

  it('sends security headers with a strict content security policy', async () => {
    const response = await t.request({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // Plain-HTTP deployments must still load their assets.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
