import { buildIssuedDirective } from '../testing/builders';
import {
  LEVELS,
  RELATIONS,
  RELATION_POST,
  TARGET_MARKING,
  onlyRoles,
  seesScopedRecord,
  signedIn,
  type Level,
  type MatrixArea,
  type Relation,
} from '../testing/access-matrix';

const READERS = ['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author'] as const;

export const cadenceMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS)
      for (const level of LEVELS) {
        const directive = await buildIssuedDirective(t.database.db, {
          actionPosts: [RELATION_POST[relation].post],
          classification: TARGET_MARKING[level],
        });
        targets[`${relation}/${level}`] = { directiveId: directive.id };
      }
    return targets;
  },
  entries: {
    'GET /api/v1/cadence': { expect: onlyRoles([...READERS], 200) },
    'GET /api/v1/directives/:id/coverage': {
      url: (c) => `/api/v1/directives/${c.target.directiveId}/coverage`,
      expect: (c) => (c.who === 'anonymous' ? 401 : c.who === 'admin' ? 403 : seesScopedRecord(c.who, c.relation, c.level) ? 200 : 404),
    },
    'GET /api/v1/calendar': { expect: signedIn(200) },
    'POST /api/v1/calendar/rotate': { expect: signedIn(200) },
    // The feed's credential is its secret URL: no session needed, and a wrong secret is 404.
    'GET /api/calendar/:file': { url: () => `/api/calendar/${'x'.repeat(43)}.ics`, expect: () => 404 },
  },
};
