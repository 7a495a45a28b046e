import { RELATION_POST, adminOnly, signedIn, unique, type MatrixArea, type Relation, type Level } from '../testing/access-matrix';

export const identityMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of Object.keys(RELATION_POST) as Relation[])
      for (const level of ['at', 'above'] as Level[]) {
        const owner = await t.user({ role: 'officer', post: RELATION_POST[relation].post, clearance: level === 'at' ? 'C' : 'S' });
        const tokens = await t.request({ method: 'GET', url: '/api/v1/tokens', as: owner });
        targets[`${relation}/${level}`] = { userId: owner.actor.id, tokenId: tokens.json().items[0].id };
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
