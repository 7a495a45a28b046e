import { and, asc, count, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { INBOX_SHOWN, type TInbox, type TInboxRecord } from '../../shared/inbox';
import type { Executor } from '../db/client';
import { engagements, followUps, posts } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import type { Actor } from '../identity/actor';
import { hasPermission } from '../identity/access-policy';
import { recordLink } from './inbox-records';

/**
 * The follow-ups the reader owns and has not done, the soonest due first, each of an
 * engagement the reader may see now (a move to another post leaves the old post's behind).
 * Overdue: due before today (UTC), as the reminders count it. Null for a role that owns none.
 */
export async function myFollowUps(db: Executor, viewer: Actor, now: Date): Promise<TInbox['followUps']> {
  if (!hasPermission(viewer, 'records.draft')) return null;
  const today = now.toISOString().slice(0, 10);
  const mine = and(eq(followUps.ownerId, viewer.id), isNull(followUps.doneAt), visibleEngagements(viewer)) as SQL;
  const [rows, [total], [late]] = await Promise.all([
    db
      .select({
        id: followUps.id,
        action: followUps.action,
        dueDate: followUps.dueDate,
        engagementId: engagements.id,
        postName: posts.name,
        classification: engagements.classification,
        kind: engagements.kind,
        occurredAt: engagements.occurredAt,
      })
      .from(followUps)
      .innerJoin(engagements, eq(engagements.id, followUps.engagementId))
      .innerJoin(posts, eq(posts.id, engagements.postId))
      .where(mine)
      .orderBy(asc(followUps.dueDate), asc(followUps.id))
      .limit(INBOX_SHOWN),
    db.select({ n: count() }).from(followUps).innerJoin(engagements, eq(engagements.id, followUps.engagementId)).where(mine),
    db
      .select({ n: count() })
      .from(followUps)
      .innerJoin(engagements, eq(engagements.id, followUps.engagementId))
      .where(and(mine, lt(followUps.dueDate, today))),
  ]);
  return {
    items: rows.map((row) => {
      const engagement: TInboxRecord = {
        recordType: 'engagement',
        id: row.engagementId,
        postName: row.postName,
        classification: row.classification as TInboxRecord['classification'],
        kind: row.kind as Extract<TInboxRecord, { recordType: 'engagement' }>['kind'],
        occurredAt: row.occurredAt.toISOString(),
      };
      return { id: row.id, action: row.action, dueDate: row.dueDate, overdue: row.dueDate < today, engagement, link: recordLink(engagement) };
    }),
    total: total?.n ?? 0,
    overdue: late?.n ?? 0,
    link: '/engagements',
  };
}
