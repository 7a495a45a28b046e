import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TNotification } from '../../shared/engagements';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { notifications } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import { AppError } from '../http/app-error';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** The same key twice creates one notification: jobs may run again without repeating. */
  dedupeKey: string;
}

/** Inserts the notifications not seen before; returns how many were new. */
export async function notify(db: Executor, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(items.map((item) => ({ ...item, body: item.body ?? '', link: item.link ?? null })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return inserted.length;
}

const present = (row: typeof notifications.$inferSelect): TNotification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function listNotifications(
  db: Executor,
  userId: string,
  query: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
): Promise<TPage<TNotification>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        query.unread ? isNull(notifications.readAt) : undefined,
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's own notifications read; anyone else's does not exist (404). */
export async function markRead(db: Executor, userId: string, id: string): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw AppError.notFound('Notification');
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
