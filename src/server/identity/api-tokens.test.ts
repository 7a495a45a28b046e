import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTokens, auditEvents } from '../db/schema/index';
import { createTestApp, type TestApp, type TestSession, type TestUser } from '../testing/test-app';

describe('API tokens', () => {
  let t: TestApp;
  let owner: TestUser;
  let session: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.user({ role: 'hq_analyst' });
    session = await t.signIn(owner.email);
  });
  afterAll(async () => t.close());
  afterEach(() => vi.useRealTimers());

  const create = (name: string, expiresInDays = 30) =>
    t.request({ method: 'POST', url: '/api/v1/tokens', payload: { name, expiresInDays }, headers: session.headers({ csrf: true }) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('shows the secret once, stores only its hash, and works as a Bearer token', async () => {
    const created = await create('nightly export');
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^dmt_/);
    expect(token.startsWith(prefix)).toBe(true);

    const [stored] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(JSON.stringify(stored)).not.toContain(token);

    const list = await t.request({ method: 'GET', url: '/api/v1/tokens', headers: session.headers() });
    const listed = list.json().items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ name: 'nightly export', prefix, revokedAt: null });
    expect(JSON.stringify(list.json())).not.toContain(token);

    const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(owner.email);
  });

  it('stops working once revoked, and only its owner can revoke it', async () => {
    const { token, id } = (await create('to revoke')).json();
    const stranger = await t.user({ role: 'hq_analyst' });
    const foreign = await t.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, as: stranger });
    expect(foreign.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200);

    const revoked = await t.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: session.headers({ csrf: true }) });
    expect(revoked.statusCode).toBe(204);
    const refused = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toContain('invalid, expired or revoked');
    expect((await t.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: session.headers({ csrf: true }) })).statusCode).toBe(404);
  });

  it('expires', async () => {
    const { token } = (await create('short', 1)).json();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('cannot mint further tokens, and its writes are audited as token writes', async () => {
    const { token, id } = (await create('script')).json();
    const minted = await t.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'x', expiresInDays: 1 }, headers: bearer(token) });
    expect(minted.statusCode).toBe(403);

    const other = (await create('other')).json();
    const write = await t.request({ method: 'DELETE', url: `/api/v1/tokens/${other.id}`, headers: bearer(token) });
    expect(write.statusCode).toBe(204);
    const [event] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: 'token.revoked', via: 'token', actorEmail: owner.email, recordId: other.id });
    expect(event?.change).toMatchObject({ tokenId: id });
  });

  /** A user with two live tokens: the builder's and one made from a session. */
  async function userWithTokens(role: 'hq_analyst' | 'admin' = 'hq_analyst') {
    const user = await t.user({ role });
    const own = await t.signIn(user.email);
    const second = (
      await t.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'second', expiresInDays: 30 }, headers: own.headers({ csrf: true }) })
    ).json();
    const works = async () => [
      (await t.request({ method: 'GET', url: '/api/v1/me', as: user })).statusCode,
      (await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(second.token) })).statusCode,
    ];
    const tokenIds = (await t.database.db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, user.actor.id))).map((row) => row.id).sort();
    /** The audited revocations of this user's tokens, with their reason. */
    const revocations = async () =>
      (
        await t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'token.revoked'), inArray(auditEvents.recordId, tokenIds)))
      )
        .map((event) => ({ recordId: event.recordId, reason: (event.change as { reason?: string }).reason }))
        .sort((a, b) => (String(a.recordId) < String(b.recordId) ? -1 : 1));
    expect(await works()).toEqual([200, 200]);
    return { user, works, revocations, tokenIds };
  }

  it('revokes all of a user’s tokens when an administrator resets their password, audited', async () => {
    const admin = await t.user({ role: 'admin' });
    const { user, works, revocations, tokenIds } = await userWithTokens();
    const reset = await t.request({ method: 'PATCH', url: `/api/v1/users/${user.actor.id}`, payload: { password: 'a brand new passphrase' }, as: admin });
    expect(reset.statusCode).toBe(200);
    expect(await works()).toEqual([401, 401]);
    const stored = await t.database.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, user.actor.id));
    expect(stored.every((row) => row.revokedAt !== null)).toBe(true);
    expect(tokenIds).toHaveLength(2);
    expect(await revocations()).toEqual(tokenIds.map((recordId) => ({ recordId, reason: 'password changed' })));
  });

  it('revokes an administrator’s own tokens when they change their own password', async () => {
    const { user, works, revocations, tokenIds } = await userWithTokens('admin');
    const changed = await t.request({ method: 'PATCH', url: `/api/v1/users/${user.actor.id}`, payload: { password: 'my own new passphrase' }, as: user });
    expect(changed.statusCode).toBe(200);
    expect(await works()).toEqual([401, 401]);
    expect(await revocations()).toEqual(tokenIds.map((recordId) => ({ recordId, reason: 'password changed' })));
  });

  it('revokes a disabled user’s tokens for good: re-enabling does not bring them back', async () => {
    const admin = await t.user({ role: 'admin' });
    const { user, works, revocations, tokenIds } = await userWithTokens();
    await t.request({ method: 'PATCH', url: `/api/v1/users/${user.actor.id}`, payload: { disabled: true }, as: admin });
    expect(await works()).toEqual([401, 401]);
    expect(await revocations()).toEqual(tokenIds.map((recordId) => ({ recordId, reason: 'user disabled' })));
    const enabled = await t.request({ method: 'PATCH', url: `/api/v1/users/${user.actor.id}`, payload: { disabled: false }, as: admin });
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect(await works()).toEqual([401, 401]);
    // A fresh sign-in and a new token work again.
    const session = await t.signIn(user.email);
    const fresh = (
      await t.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'new', expiresInDays: 1 }, headers: session.headers({ csrf: true }) })
    ).json();
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(fresh.token) })).statusCode).toBe(200);
  });

  it('rejects a malformed Authorization header and bad input', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    const bad = await create('', 0);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'body.name', message: 'must not be empty' },
        { field: 'body.expiresInDays', message: 'must be at least 1 day' },
      ]),
    );
  });
});
