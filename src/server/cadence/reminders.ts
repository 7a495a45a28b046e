import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import { clearanceRank, markingReadableByUser } from '../identity/access-policy';
import { formatISO } from 'date-fns';
import type { Db } from '../db/client';
import { engagements, followUps, posts, users } from '../db/schema/index';
import { cadenceRows } from './cadence-queries';
import { notify, type NewNotification } from './notification-store';

const STATUS_TITLE = {
  due_soon: 'Engagement due soon',
  overdue: 'Engagement overdue',
} as const;

/**
 * Creates in-app notifications: for every officer and approver of a post whose engagement
 * under a directive is due soon or overdue, and for every owner of a follow-up past its due
 * date. Idempotent: each reminder has a key (directive, post, status, due date; or follow-up),
 * so running the job again — or on two instances at once — creates nothing new.
 */
export async function runReminders(db: Db, now: Date): Promise<{ created: number }> {
  const rows = (await cadenceRows(db, null, {}, now)).filter(
    (row): row is typeof row & { status: 'due_soon' | 'overdue' } => row.status === 'due_soon' || row.status === 'overdue',
  );
  const reminders: NewNotification[] = [];
  const postCodes = [...new Set(rows.map((row) => row.post))];
  const staff = postCodes.length
    ? await db
        .select({ id: users.id, post: posts.code, clearance: users.clearance })
        .from(users)
        .innerJoin(posts, eq(posts.id, users.postId))
        .where(and(inArray(posts.code, postCodes), inArray(users.role, ['officer', 'approver']), eq(users.disabled, false)))
    : [];
  for (const row of rows) {
    const due = formatISO(new Date(row.nextDueAt), { representation: 'date' });
    // Nobody is reminded of a directive marked above their clearance.
    const readers = staff.filter((s) => s.post === row.post && clearanceRank(s.clearance as TClearance) >= clearanceRank(row.classification as TClearance));
    for (const person of readers) {
      reminders.push({
        userId: person.id,
        kind: `cadence.${row.status}`,
        title: `${STATUS_TITLE[row.status]}: ${row.reference}`,
        body: `${row.postName} should report an engagement under ${row.reference} by ${due} (every ${row.cadenceDays} days).`,
        link: `/directives/${row.directiveId}`,
        dedupeKey: `cadence:${row.directiveId}:${row.post}:${row.status}:${due}:${person.id}`,
      });
    }
  }

  const today = formatISO(now, { representation: 'date' });
  const late = await db
    .select({ id: followUps.id, action: followUps.action, dueDate: followUps.dueDate, ownerId: followUps.ownerId, engagementId: followUps.engagementId })
    .from(followUps)
    .innerJoin(engagements, eq(engagements.id, followUps.engagementId))
    .innerJoin(users, eq(users.id, followUps.ownerId))
    .where(
      and(
        isNull(followUps.doneAt),
        lt(followUps.dueDate, today),
        eq(users.disabled, false),
        // The reminder quotes the follow-up: only for an owner cleared for the engagement.
        markingReadableByUser(engagements.classification, users.clearance),
      ),
    );
  for (const item of late) {
    reminders.push({
      userId: item.ownerId!,
      kind: 'follow_up.overdue',
      title: 'Follow-up overdue',
      body: `"${item.action}" was due on ${item.dueDate}.`,
      link: `/engagements/${item.engagementId}`,
      dedupeKey: `follow_up:${item.id}:overdue`,
    });
  }
  return { created: await notify(db, reminders) };
}
