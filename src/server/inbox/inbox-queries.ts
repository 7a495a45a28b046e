import { INBOX_NOTIFICATIONS_SHOWN, type TInbox } from '../../shared/inbox';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { listNotifications, unreadCount } from '../notifications/notification-queries';
import { overduePosts, postDeadlines } from './cadence-sections';
import { myFollowUps } from './follow-up-section';
import { awaitingDecision, returnedToMe } from './record-sections';

/**
 * What needs this reader now, every section computed for them alone under the access rules in
 * SQL (their scope, their clearance, the draft rule, four eyes): nothing they may not see is
 * listed or counted. Sections that do not concern their role are null.
 */
export async function buildInbox(db: Executor, viewer: Actor, now: Date): Promise<TInbox> {
  const [awaiting, returned, deadlines, followUps, unread, latest, overdue] = await Promise.all([
    awaitingDecision(db, viewer),
    returnedToMe(db, viewer),
    postDeadlines(db, viewer, now),
    myFollowUps(db, viewer, now),
    unreadCount(db, viewer),
    listNotifications(db, viewer, { limit: INBOX_NOTIFICATIONS_SHOWN, unread: true }),
    overduePosts(db, viewer, now),
  ]);
  return {
    asOf: now.toISOString(),
    awaitingDecision: awaiting,
    returned,
    deadlines,
    followUps,
    notifications: { items: latest.items, total: unread, link: '/notifications' },
    overduePosts: overdue,
  };
}
