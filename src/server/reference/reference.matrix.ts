import { RELATION_POST, signedIn, type MatrixArea } from '../testing/access-matrix';

/** Reference data is not scoped: every signed-in user reads every post and country (not a post's staff). */
export const referenceMatrix: MatrixArea = {
  entries: {
    'GET /api/v1/bureaus': { expect: signedIn(200) },
    'GET /api/v1/countries': { expect: signedIn(200) },
    'GET /api/v1/countries/:code': { url: (c) => `/api/v1/countries/${RELATION_POST[c.relation].country}`, expect: signedIn(200) },
    'GET /api/v1/posts': { expect: signedIn(200) },
    'GET /api/v1/posts/:code': { url: (c) => `/api/v1/posts/${RELATION_POST[c.relation].post}`, expect: signedIn(200) },
    // The post is reference data: its overview answers everyone signed in, with only the sections they may read (reference-routes.test.ts).
    'GET /api/v1/posts/:code/overview': { url: (c) => `/api/v1/posts/${RELATION_POST[c.relation].post}/overview`, expect: signedIn(200) },
    // A post's staff is not reference data: its own people and administrators only.
    'GET /api/v1/posts/:code/staff': {
      url: (c) => `/api/v1/posts/${RELATION_POST[c.relation].post}/staff`,
      expect: (c) =>
        c.who === 'anonymous' ? 401 : c.who === 'admin' || ((c.who === 'officer' || c.who === 'approver') && c.relation === 'own_post') ? 200 : 403,
    },
  },
};
