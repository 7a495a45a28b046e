import { RELATION_POST, signedIn, type MatrixArea } from '../testing/access-matrix';

/** Reference data is not scoped: every signed-in user reads every post and country. */
export const referenceMatrix: MatrixArea = {
  entries: {
    'GET /api/v1/bureaus': { expect: signedIn(200) },
    'GET /api/v1/countries': { expect: signedIn(200) },
    'GET /api/v1/countries/:code': { url: (c) => `/api/v1/countries/${RELATION_POST[c.relation].country}`, expect: signedIn(200) },
    'GET /api/v1/posts': { expect: signedIn(200) },
    'GET /api/v1/posts/:code': { url: (c) => `/api/v1/posts/${RELATION_POST[c.relation].post}`, expect: signedIn(200) },
    // The post is reference data: its overview answers everyone signed in, with only the sections they may read (reference-routes.test.ts).
    'GET /api/v1/posts/:code/overview': { url: (c) => `/api/v1/posts/${RELATION_POST[c.relation].post}/overview`, expect: signedIn(200) },
  },
};
