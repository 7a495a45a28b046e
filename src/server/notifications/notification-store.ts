import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { notifications } from '../db/schema/index';

export interface NewNotification {
  userId: string;
  /** What happened; notification-text.ts composes its words when the reader reads it. */
  kind: string;
  recordType: string;
  recordId: string;
  /** For cadence reminders: the post that should engage. */
  postId?: string | null;
  /** Facts of the event the record does not hold (a due date, a return's reason). */
  params?: Record<string, string>;
  /** The same key twice creates one notification: jobs may run again without repeating. */
  dedupeKey: string;
}

/**
 * Notifications per INSERT: eight parameters each keeps a statement far below PostgreSQL's
 * 65,535 bind parameters, however many a job run produces.
 */
export const NOTIFY_BATCH = 1_000;

/** Inserts the notifications not seen before, in bounded batches; returns how many were new. */
export async function notify(db: Executor, items: NewNotification[]): Promise<number> {
  let created = 0;
  for (let start = 0; start < items.length; start += NOTIFY_BATCH) {
    const inserted = await db
      .insert(notifications)
      .values(items.slice(start, start + NOTIFY_BATCH).map((item) => ({ ...item, postId: item.postId ?? null, params: item.params ?? {} })))
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    created += inserted.length;
  }
  return created;
}

export type Resolution = 'approved' | 'verified' | 'returned' | 'rejected' | 'done';

/**
 * Marks open notifications about a record as resolved, for every recipient: the approval
 * someone else gave ends everyone's "awaiting approval". `param` narrows to one item of the
 * record (a follow-up). Resolved notifications stay listed but no longer count as unread.
 */
export async function resolveNotifications(
  db: Executor,
  target: { recordType: string; recordId: string; kinds: string[]; resolution: Resolution; param?: { name: string; value: string } },
): Promise<number> {
  const resolved = await db
    .update(notifications)
    .set({ resolvedAt: new Date(), resolution: target.resolution })
    .where(
      and(
        eq(notifications.recordType, target.recordType),
        eq(notifications.recordId, target.recordId),
        inArray(notifications.kind, target.kinds),
        isNull(notifications.resolvedAt),
        target.param ? sql`${notifications.params} ->> ${target.param.name} = ${target.param.value}` : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return resolved.length;
}
