import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TNotification } from '../../shared/notifications';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { directives, engagements, followUps, incidentCategories, incidents, notifications, posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { composeNotification } from './notification-text';
import { readableNotifications } from './notification-visibility';

const engagement = alias(engagements, 'n_engagement');
const engagementPost = alias(posts, 'n_engagement_post');
const directive = alias(directives, 'n_directive');
const reminderPost = alias(posts, 'n_reminder_post');
const followUp = alias(followUps, 'n_follow_up');
const incident = alias(incidents, 'n_incident');
const incidentCategory = alias(incidentCategories, 'n_incident_category');

/** The reader's notifications, newest first, each composed from what the reader may see now. */
export async function listNotifications(
  db: Executor,
  reader: Actor,
  query: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
): Promise<TPage<TNotification>> {
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      recordType: notifications.recordType,
      recordId: notifications.recordId,
      params: notifications.params,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      resolvedAt: notifications.resolvedAt,
      resolution: notifications.resolution,
      engagementKind: engagement.kind,
      engagementPostName: engagementPost.name,
      engagementOccurredAt: engagement.occurredAt,
      incidentCategory: incidentCategory.name,
      incidentPlace: incident.placeName,
      incidentOccurredOn: incident.occurredOn,
      directiveReference: directive.reference,
      reminderPostName: reminderPost.name,
      followUpAction: followUp.action,
    })
    .from(notifications)
    .leftJoin(engagement, and(eq(notifications.recordType, 'engagement'), eq(engagement.id, notifications.recordId)))
    .leftJoin(engagementPost, eq(engagementPost.id, engagement.postId))
    .leftJoin(incident, and(eq(notifications.recordType, 'incident'), eq(incident.id, notifications.recordId)))
    .leftJoin(incidentCategory, eq(incidentCategory.code, incident.category))
    .leftJoin(directive, and(eq(notifications.recordType, 'directive'), eq(directive.id, notifications.recordId)))
    .leftJoin(reminderPost, eq(reminderPost.id, notifications.postId))
    .leftJoin(followUp, and(eq(notifications.kind, 'follow_up.overdue'), sql`${followUp.id}::text = ${notifications.params} ->> 'followUpId'`))
    .where(
      and(
        readableNotifications(reader),
        query.unread ? and(isNull(notifications.readAt), isNull(notifications.resolvedAt)) : undefined,
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      kind: row.kind,
      ...composeNotification(row),
      recordType: row.recordType,
      recordId: row.recordId,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      resolution: row.resolution as TNotification['resolution'],
    })),
    nextCursor: page.nextCursor,
  };
}

/** Unread and still open: what needs the reader. */
export async function unreadCount(db: Executor, reader: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(readableNotifications(reader), isNull(notifications.readAt), isNull(notifications.resolvedAt)));
  return row?.n ?? 0;
}

/** Marks one of the reader's notifications read; anyone else's, or one about a record they no longer see, does not exist (404). */
export async function markRead(db: Executor, reader: Actor, id: string): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), readableNotifications(reader)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw AppError.notFound('Notification');
}

export async function markAllRead(db: Executor, reader: Actor): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(readableNotifications(reader), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
