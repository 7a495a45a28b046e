import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app';

describe('user administration', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ role: 'admin' });
  });
  afterAll(async () => t.close());

  const create = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/users', payload, as: admin });
  const valid = {
    email: 'Officer.One@Example.org',
    name: 'Officer One',
    role: 'officer',
    post: 'berlin',
    clearance: 'SBU',
    password: 'a long enough passphrase',
  };

  it('creates a user who can then sign in, with email case-insensitive', async () => {
    const response = await create(valid);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'officer.one@example.org',
      role: 'officer',
      post: 'berlin',
      bureau: 'EUR',
      clearance: 'SBU',
      disabled: false,
      allowedActions: ['update', 'update_access', 'disable'],
    });
    const signIn = await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: 'OFFICER.ONE@example.org', password: valid.password } });
    expect(signIn.statusCode).toBe(200);

    const duplicate = await create({ ...valid, email: 'officer.ONE@example.org' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ field: 'body.email', message: 'is already used by another user' }]);
  });

  it('refuses weak passwords and scopes that do not fit the role, naming each field', async () => {
    const short = await create({ ...valid, email: 'a@example.org', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([{ field: 'body.password', message: 'must be at least 12 characters' }]);

    const common = await create({ ...valid, email: 'b@example.org', password: 'qwerty123456' });
    expect(common.json().errors).toEqual([{ field: 'body.password', message: 'is one of the most common passwords; choose another' }]);

    const noPost = await create({ ...valid, email: 'c@example.org', post: null });
    expect(noPost.json().errors).toEqual([{ field: 'body.post', message: 'is required for the officer role (the home post)' }]);
    const unknownPost = await create({ ...valid, email: 'c@example.org', post: 'atlantis' });
    expect(unknownPost.json().errors).toEqual([{ field: 'body.post', message: 'no post has the code "atlantis"' }]);
    const analyst = await create({ ...valid, email: 'd@example.org', role: 'bureau_analyst', post: 'berlin' });
    expect(analyst.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'body.bureau', message: 'is required for the bureau_analyst role' },
        { field: 'body.post', message: 'must be empty for the bureau_analyst role' },
      ]),
    );
    const badEnum = await create({ ...valid, email: 'e@example.org', role: 'ambassador', clearance: 'TS' });
    expect(
      badEnum
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.clearance', 'body.role']);
  });

  it('lists and filters users, and pages with the cursor', async () => {
    await create({ ...valid, email: 'analyst@example.org', name: 'Bureau Analyst', role: 'bureau_analyst', post: null, bureau: 'WHA' });
    const analysts = await t.request({ method: 'GET', url: '/api/v1/users?role=bureau_analyst', as: admin });
    expect(analysts.json().items).toEqual([expect.objectContaining({ email: 'analyst@example.org', bureau: 'WHA', post: null })]);
    const search = await t.request({ method: 'GET', url: '/api/v1/users?q=ANALYST', as: admin });
    expect(search.json().items.map((u: { email: string }) => u.email)).toContain('analyst@example.org');
    const first = (await t.request({ method: 'GET', url: '/api/v1/users?limit=1', as: admin })).json();
    const second = (await t.request({ method: 'GET', url: `/api/v1/users?limit=1&cursor=${first.nextCursor}`, as: admin })).json();
    expect(second.items[0].email > first.items[0].email).toBe(true);
  });

  it('refuses, with 403, every change an administrator makes to their own access', async () => {
    const self = await t.user({ role: 'admin', clearance: 'U' });
    const before = (await t.request({ method: 'GET', url: `/api/v1/users/${self.actor.id}`, as: self })).json();
    const changes = [{ role: 'officer', post: 'berlin' }, { clearance: 'S' }, { post: 'berlin' }, { bureau: 'EUR' }, { disabled: true }];
    for (const change of changes) {
      const response = await t.request({ method: 'PATCH', url: `/api/v1/users/${self.actor.id}`, payload: change, as: self });
      expect(response.statusCode, JSON.stringify(change)).toBe(403);
      expect(response.json().detail).toContain('You cannot change your own role, post, bureau, clearance or disabled flag');
      expect(response.json().errors).toEqual(
        Object.keys(change).map((field) => ({ field: `body.${field}`, message: 'cannot be changed on your own account' })),
      );
    }
    const after = (await t.request({ method: 'GET', url: `/api/v1/users/${self.actor.id}`, as: self })).json();
    expect(after).toEqual(before);
    // Still cleared U: a secret audit event stays out of their sight until another administrator raises them.
    await t.database.db.transaction((tx) =>
      recordAudit(tx, SYSTEM, { action: 'test.secret', recordType: 'test', change: { marking: 'S' }, classification: 'S' }),
    );
    const secretEvents = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/audit?action=test.secret', as: self })).json().items.map((event: { action: string }) => event.action);
    expect(await secretEvents()).toEqual([]);
    const raised = await t.request({ method: 'PATCH', url: `/api/v1/users/${self.actor.id}`, payload: { clearance: 'S' }, as: admin });
    expect(raised.json()).toMatchObject({ clearance: 'S' });
    expect(await secretEvents()).toEqual(['test.secret']);
  });

  it('lets an administrator rename themselves, change their own password, and resend their own role unchanged', async () => {
    const self = await t.user({ role: 'admin', clearance: 'C' });
    const same = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${self.actor.id}`,
      payload: { role: 'admin', clearance: 'C', disabled: false },
      as: self,
    });
    expect(same.statusCode).toBe(200);
    const renamed = await t.request({ method: 'PATCH', url: `/api/v1/users/${self.actor.id}`, payload: { name: 'Renamed Self' }, as: self });
    expect(renamed.json()).toMatchObject({ name: 'Renamed Self', role: 'admin', clearance: 'C' });
    const password = await t.request({ method: 'PATCH', url: `/api/v1/users/${self.actor.id}`, payload: { password: 'my own new passphrase' }, as: self });
    expect(password.statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: self.email, password: 'my own new passphrase' } })).statusCode).toBe(
      200,
    );
  });

  it('resets a password and re-enables a user', async () => {
    const user = await t.user({ role: 'hq_analyst' });
    await t.request({ method: 'PATCH', url: `/api/v1/users/${user.actor.id}`, payload: { disabled: true }, as: admin });
    const enabled = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.actor.id}`,
      payload: { disabled: false, password: 'a brand new passphrase' },
      as: admin,
    });
    expect(enabled.json()).toMatchObject({ disabled: false, allowedActions: ['update', 'update_access', 'disable'] });
    expect((await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: 'a brand new passphrase' } })).statusCode).toBe(
      200,
    );
  });

  it('is for administrators only, and an unknown user is 404', async () => {
    const officer = await t.user({ role: 'officer' });
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', `/api/v1/users/${admin.actor.id}`],
      ['PATCH', `/api/v1/users/${admin.actor.id}`],
    ] as const) {
      const response = await t.request({ method, url, payload: method === 'GET' ? undefined : valid, as: officer });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    const missing = await t.request({ method: 'GET', url: '/api/v1/users/00000000-0000-4000-8000-000000000000', as: admin });
    expect(missing.statusCode).toBe(404);
  });
});
