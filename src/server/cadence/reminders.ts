import { and, eq, inArray, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engagements, followUps, notifications, users } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import { loadActor, type Actor } from '../identity/actor';
import { type NewNotification, notify } from '../notifications/notification-store';
import { cadenceRows } from './cadence-queries';

const utcDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Creates in-app notifications: for every officer and approver whose post's engagement under
 * a directive is due soon or overdue, and for every owner of a follow-up past its due date.
 * Each reader's reminders are computed for that reader, under their own scope and clearance:
 * a due date never moves for an engagement the reader may not see, and nobody hears of a
 * directive or follow-up they may not read. Readers whose access is the same (one post, one
 * clearance) share one computation, which is the same computation for each of them.
 * Idempotent: each reminder has a key (directive, post, status, due date and reader; or
 * follow-up), so running the job again, or on two instances at once, creates nothing new.
 */
export async function runReminders(db: Db, now: Date): Promise<{ created: number }> {
  const reminders = [...(await cadenceReminders(db, now)), ...(await followUpReminders(db, now))];
  return { created: await notify(db, reminders) };
}

async function cadenceReminders(db: Db, now: Date): Promise<NewNotification[]> {
  const staff = await db
    .select({ id: users.id, postId: users.postId, clearance: users.clearance })
    .from(users)
    .where(and(inArray(users.role, ['officer', 'approver']), eq(users.disabled, false), isNotNull(users.postId)));
  const groups = new Map<string, string[]>();
  for (const person of staff) groups.set(`${person.postId}/${person.clearance}`, [...(groups.get(`${person.postId}/${person.clearance}`) ?? []), person.id]);

  const reminders: NewNotification[] = [];
  for (const members of groups.values()) {
    const reader = await loadActor(db, members[0]!);
    if (!reader) continue;
    for (const row of await cadenceRows(db, reader, {}, now)) {
      if (row.status !== 'due_soon' && row.status !== 'overdue') continue;
      const due = utcDate(new Date(row.nextDueAt));
      for (const userId of members) {
        reminders.push({
          userId,
          kind: `cadence.${row.status}`,
          recordType: 'directive',
          recordId: row.directiveId,
          postId: reader.postId,
          params: { dueDate: due },
          dedupeKey: `cadence:${row.directiveId}:${row.post}:${row.status}:${due}:${userId}`,
        });
      }
    }
  }
  return reminders;
}

async function followUpReminders(db: Db, now: Date): Promise<NewNotification[]> {
  const owners = await db
    .selectDistinct({ ownerId: followUps.ownerId })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.ownerId))
    .where(and(isNull(followUps.doneAt), lt(followUps.dueDate, utcDate(now)), eq(users.disabled, false)));
  const reminders: NewNotification[] = [];
  for (const { ownerId } of owners) {
    const owner: Actor | undefined = ownerId ? await loadActor(db, ownerId) : undefined;
    if (!owner) continue;
    // Only follow-ups of engagements the owner may see now: the reminder quotes them.
    const late = await db
      .select({ id: followUps.id, dueDate: followUps.dueDate, engagementId: followUps.engagementId })
      .from(followUps)
      .innerJoin(engagements, eq(engagements.id, followUps.engagementId))
      .where(
        and(
          eq(followUps.ownerId, owner.id),
          isNull(followUps.doneAt),
          lt(followUps.dueDate, utcDate(now)),
          visibleEngagements(owner),
          // Each late follow-up is reminded of once: those reminded already are not sent again every run.
          notExists(
            db
              .select({ one: sql`1` })
              .from(notifications)
              .where(eq(notifications.dedupeKey, sql`'follow_up:' || ${followUps.id} || ':overdue'`)),
          ),
        ),
      );
    for (const item of late) {
      reminders.push({
        userId: owner.id,
        kind: 'follow_up.overdue',
        recordType: 'engagement',
        recordId: item.engagementId,
        params: { followUpId: item.id, dueDate: item.dueDate },
        dedupeKey: `follow_up:${item.id}:overdue`,
      });
    }
  }
  return reminders;
}
