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
import { notify } from './notification-store';

const READERS = ['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author'] as const;

export const cadenceMatrix: MatrixArea = {
  async setup(t) {
    const owner = await t.user({ role: 'officer', post: 'ottawa' });
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS)
      for (const level of LEVELS) {
        const directive = await buildIssuedDirective(t.database.db, {
          actionPosts: [RELATION_POST[relation].post],
          classification: TARGET_MARKING[level],
        });
        const key = `${relation}-${level}`;
        await notify(t.database.db, [{ userId: owner.actor.id, kind: 'test', title: 'Someone else’s', dedupeKey: `matrix:${key}` }]);
        const items = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=500', as: owner })).json().items as { id: string; title: string }[];
        targets[`${relation}/${level}`] = { directiveId: directive.id, notificationId: items[0]!.id };
      }
    return targets;
  },
  entries: {
    'GET /api/v1/cadence': { expect: onlyRoles([...READERS], 200) },
    'GET /api/v1/directives/:id/coverage': {
      url: (c) => `/api/v1/directives/${c.target.directiveId}/coverage`,
      expect: (c) => (c.who === 'anonymous' ? 401 : c.who === 'admin' ? 403 : seesScopedRecord(c.who, c.relation, c.level) ? 200 : 404),
    },
    'GET /api/v1/notifications': { expect: signedIn(200) },
    'GET /api/v1/notifications/unread-count': { expect: signedIn(200) },
    // Another user's notification does not exist for anyone else.
    'POST /api/v1/notifications/:id/read': { url: (c) => `/api/v1/notifications/${c.target.notificationId}/read`, expect: signedIn(404) },
    'POST /api/v1/notifications/read-all': { expect: signedIn(200) },
    'GET /api/v1/calendar': { expect: signedIn(200) },
    'POST /api/v1/calendar/rotate': { expect: signedIn(200) },
    // The feed's credential is its secret URL: no session needed, and a wrong secret is 404.
    'GET /api/calendar/:file': { url: () => `/api/calendar/${'x'.repeat(43)}.ics`, expect: () => 404 },
  },
};
