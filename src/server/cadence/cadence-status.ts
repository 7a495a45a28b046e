import { addDays, differenceInMilliseconds } from 'date-fns';
import type { TCadenceRow } from '../../shared/engagements';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a post's next engagement is due and how it stands. The clock starts at the directive's
 * issue and restarts at each approved engagement. "Due soon" opens a quarter of the cadence
 * before the due date, at most a week: a weekly cadence warns two days ahead, a monthly one
 * a week ahead.
 */
export function cadenceStatus(input: { issuedAt: Date; lastEngagementAt: Date | null; cadenceDays: number; now: Date }): {
  nextDueAt: Date;
  status: TCadenceRow['status'];
} {
  const nextDueAt = addDays(input.lastEngagementAt ?? input.issuedAt, input.cadenceDays);
  if (input.lastEngagementAt === null) return { nextDueAt, status: 'never_engaged' };
  const remaining = differenceInMilliseconds(nextDueAt, input.now);
  if (remaining < 0) return { nextDueAt, status: 'overdue' };
  const window = Math.min(7 * DAY_MS, (input.cadenceDays * DAY_MS) / 4);
  return { nextDueAt, status: remaining <= window ? 'due_soon' : 'on_time' };
}
