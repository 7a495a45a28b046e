import { RELATION_POST, adminOnly, signedIn, unique, type MatrixArea, type Relation, type Level, type Who } from '../testing/access-matrix';
import { TEST_PASSWORD } from '../testing/test-app';

/**
 * Each actor's password as the password-change entry leaves it: it goes back and forth between
 * two, so that every request knows the current one, and six requests per actor end where they began.
 */
const currentPasswords = new Map<Who, string>();
const MATRIX_PASSWORD = 'matrix passphrase for a change';

export const identityMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of Object.keys(RELATION_POST) as Relation[])
      for (const level of ['at', 'above'] as Level[]) {
        const owner = await t.user({ role: 'officer', post: RELATION_POST[relation].post, clearance: level === 'at' ? 'C' : 'S' });
        const tokens = await t.request({ method: 'GET', url: '/api/v1/tokens', as: owner });
        const session = await t.signIn(owner.email);
        const ownerSessions = await t.request({ method: 'GET', url: '/api/v1/me/sessions', headers: session.headers() });
        targets[`${relation}/${level}`] = { userId: owner.actor.id, tokenId: tokens.json().items[0].id, sessionId: ownerSessions.json().items[0].id };
      }
    return targets;
  },
  entries: {
    'GET /api/health': { expect: () => 200 },
    'GET /api/openapi.json': { expect: () => 200 },
    // The runner signs in with the actor's own credentials (anonymous: unknown ones).
    'POST /api/v1/session': { expect: (c) => (c.who === 'anonymous' ? 401 : 200) },
    'DELETE /api/v1/session': { expect: signedIn(204) },
    'GET /api/v1/me': { expect: signedIn(200) },
    'GET /api/v1/tokens': { expect: signedIn(200) },
    'POST /api/v1/tokens': { payload: () => ({ name: 'matrix', expiresInDays: 1 }), expect: signedIn(201) },
    // Another user's token does not exist for anyone but its owner.
    'DELETE /api/v1/tokens/:id': { url: (c) => `/api/v1/tokens/${c.target.tokenId}`, expect: signedIn(404) },
    'POST /api/v1/me/password': {
      payload: (c) => {
        const current = currentPasswords.get(c.who) ?? TEST_PASSWORD;
        const next = current === TEST_PASSWORD ? MATRIX_PASSWORD : TEST_PASSWORD;
        currentPasswords.set(c.who, next);
        return { currentPassword: current, newPassword: next };
      },
      expect: signedIn(200),
    },
    'GET /api/v1/me/sessions': { expect: signedIn(200) },
    // Another user's session does not exist for anyone but its owner.
    'DELETE /api/v1/me/sessions/:id': { url: (c) => `/api/v1/me/sessions/${c.target.sessionId}`, expect: signedIn(404) },
    'GET /api/v1/users': { expect: adminOnly(200) },
    'POST /api/v1/users': {
      payload: (c) => ({
        email: `matrix-${unique()}@demarche.test`,
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
  },
};
