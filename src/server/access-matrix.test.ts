import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TClearance, type TRole } from '../shared/identity';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession, type TestUser } from './testing/test-app';

/**
 * Every route × role × (own post / other post in the same bureau / other bureau) × (target
 * at / above the actor's clearance) → expected status. The route list comes from the app
 * itself: a route without an entry here fails the test, so each new route states its rule.
 */
type Relation = 'own_post' | 'same_bureau' | 'other_bureau';
type Level = 'at' | 'above';
type Who = TRole | 'anonymous';

interface Case {
  who: Who;
  relation: Relation;
  level: Level;
  /** Ids of the target records for this relation and level. */
  target: { userId: string; tokenId: string; postCode: string; countryCode: string };
}

interface Entry {
  /** A request that would succeed for a permitted actor; only access may make it fail. */
  payload?: (c: Case) => unknown;
  url?: (c: Case) => string;
  expect: (c: Case) => number;
}

const RELATION_POST: Record<Relation, { post: string; country: string }> = {
  own_post: { post: 'berlin', country: 'DE' },
  same_bureau: { post: 'paris', country: 'FR' },
  other_bureau: { post: 'ottawa', country: 'CA' },
};

const signedIn = (status: number) => (c: Case) => (c.who === 'anonymous' ? 401 : status);
const adminOnly = (status: number) => (c: Case) => (c.who === 'anonymous' ? 401 : c.who === 'admin' ? status : 403);
let emailCounter = 0;

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { expect: () => 200 },
  'GET /api/openapi.json': { expect: () => 200 },
  'POST /api/v1/session': { expect: (c) => (c.who === 'anonymous' ? 401 : 200) },
  'DELETE /api/v1/session': { expect: signedIn(204) },
  'GET /api/v1/me': { expect: signedIn(200) },
  'GET /api/v1/tokens': { expect: signedIn(200) },
  'POST /api/v1/tokens': { payload: () => ({ name: 'matrix', expiresInDays: 1 }), expect: signedIn(201) },
  // Another user's token does not exist for anyone but its owner.
  'DELETE /api/v1/tokens/:id': { url: (c) => `/api/v1/tokens/${c.target.tokenId}`, expect: signedIn(404) },
  'GET /api/v1/users': { expect: adminOnly(200) },
  'POST /api/v1/users': {
    payload: (c) => ({
      email: `matrix-${(emailCounter += 1)}@demarche.test`,
      name: 'Matrix',
      role: 'officer',
      post: RELATION_POST[c.relation].post,
      clearance: 'U',
      password: 'matrix passphrase 1',
    }),
    expect: adminOnly(201),
  },
  'GET /api/v1/users/:id': { url: (c) => `/api/v1/users/${c.target.userId}`, expect: adminOnly(200) },
  'PATCH /api/v1/users/:id': { url: (c) => `/api/v1/users/${c.target.userId}`, payload: () => ({ name: 'Renamed by matrix' }), expect: adminOnly(200) },
  'GET /api/v1/audit': { expect: adminOnly(200) },
  // Reference data is not scoped: every signed-in user reads every post and country.
  'GET /api/v1/bureaus': { expect: signedIn(200) },
  'GET /api/v1/countries': { expect: signedIn(200) },
  'GET /api/v1/countries/:code': { url: (c) => `/api/v1/countries/${c.target.countryCode}`, expect: signedIn(200) },
  'GET /api/v1/posts': { expect: signedIn(200) },
  'GET /api/v1/posts/:code': { url: (c) => `/api/v1/posts/${c.target.postCode}`, expect: signedIn(200) },
};

/** Routes that a plugin serves as files, not API behaviour (the docs page's assets). */
const isDocsAsset = (url: string) => url.startsWith('/api/docs');

describe('access matrix', () => {
  let t: TestApp;
  const actors = new Map<string, TestUser>();
  const sessions = new Map<string, TestSession>();
  const targets = new Map<string, Case['target']>();
  const clearanceOf = (role: TRole) => (role === 'officer' ? 'SBU' : 'C') as TClearance;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) {
      const user = await t.user({ role, post: role === 'officer' || role === 'approver' ? 'berlin' : undefined, bureau: role === 'bureau_analyst' ? 'EUR' : undefined, clearance: clearanceOf(role) });
      actors.set(role, user);
      sessions.set(role, await t.signIn(user.email));
    }
    for (const relation of Object.keys(RELATION_POST) as Relation[])
      for (const level of ['at', 'above'] as Level[]) {
        const owner = await t.user({ role: 'officer', post: RELATION_POST[relation].post, clearance: level === 'at' ? 'C' : 'S' });
        const token = await t.request({ method: 'GET', url: '/api/v1/tokens', as: owner });
        targets.set(`${relation}/${level}`, {
          userId: owner.actor.id,
          tokenId: token.json().items[0].id,
          postCode: RELATION_POST[relation].post,
          countryCode: RELATION_POST[relation].country,
        });
      }
  });
  afterAll(async () => t.close());

  it('has an entry for every registered route, and none for a route that is gone', () => {
    const routes = t.app.routeTable.filter((route) => !isDocsAsset(route.url)).map((route) => `${route.method} ${route.url}`);
    expect([...new Set(routes)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('answers each route as the matrix says, for every role, relation and clearance', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string];
      for (const who of ['anonymous', ...ROLES] as Who[])
        for (const relation of Object.keys(RELATION_POST) as Relation[])
          for (const level of ['at', 'above'] as Level[]) {
            const c: Case = { who, relation, level, target: targets.get(`${relation}/${level}`)! };
            const headers: Record<string, string> = {};
            let payload = entry.payload?.(c);
            if (key === 'POST /api/v1/session') {
              payload = who === 'anonymous' ? { email: `nobody-${relation}-${level}@demarche.test`, password: 'not a password' } : { email: actors.get(who)!.email, password: TEST_PASSWORD };
            } else if (who !== 'anonymous') {
              // Sign-out ends the session it is sent with: give it one of its own.
              const session = key === 'DELETE /api/v1/session' ? await t.signIn(actors.get(who)!.email) : sessions.get(who)!;
              Object.assign(headers, session.headers({ csrf: method !== 'GET' }));
            }
            const response = await t.request({ method: method as 'GET', url: entry.url?.(c) ?? path, headers, ...(payload === undefined ? {} : { payload: payload as object }), remoteAddress: `10.77.${ROLES.indexOf(who as TRole) + 1}.1` });
            const expected = entry.expect(c);
            checked += 1;
            if (response.statusCode !== expected) failures.push(`${key} as ${who} (${relation}, ${level}): ${response.statusCode}, expected ${expected}`);
          }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(Object.keys(MATRIX).length * 7 * 3 * 2);
  });
});
