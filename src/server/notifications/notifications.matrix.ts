import { buildIssuedDirective } from '../testing/builders';
import { LEVELS, type Level, type MatrixArea, RELATIONS, type Relation, signedIn } from '../testing/access-matrix';
import { notify } from './notification-store';

/** A user's own notifications: every signed-in user has some; nobody reaches another's. */
export const notificationsMatrix: MatrixArea = {
  async setup(t) {
    const owner = await t.user({ role: 'officer', post: 'ottawa' });
    // About a record its owner sees, so that only ownership decides.
    const ownersDirective = await buildIssuedDirective(t.database.db, { actionPosts: ['ottawa'], classification: 'U' });
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS)
      for (const level of LEVELS) {
        const key = `${relation}-${level}`;
        await notify(t.database.db, [
          {
            userId: owner.actor.id,
            kind: 'cadence.overdue',
            recordType: 'directive',
            recordId: ownersDirective.id,
            params: { dueDate: '2026-01-01' },
            dedupeKey: `matrix:${key}`,
          },
        ]);
        const items = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=500', as: owner })).json().items as { id: string }[];
        targets[`${relation}/${level}`] = { notificationId: items[0]!.id };
      }
    return targets;
  },
  entries: {
    'GET /api/v1/notifications': { expect: signedIn(200) },
    'GET /api/v1/notifications/unread-count': { expect: signedIn(200) },
    // Another user's notification does not exist for anyone else.
    'POST /api/v1/notifications/:id/read': { url: (c) => `/api/v1/notifications/${c.target.notificationId}/read`, expect: signedIn(404) },
    'POST /api/v1/notifications/read-all': { expect: signedIn(200) },
  },
};
