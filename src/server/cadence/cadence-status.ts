import type { TCadenceRow } from '../../shared/engagements';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a post's next engagement is due and how it stands. The clock starts at the directive's
 * issue and restarts at each approved engagement, so a post that never engaged is due at the
 * issue date plus the cadence and is overdue after it, like any other. "Due soon" opens a
 * quarter of the cadence before the due date, at most a week: a weekly cadence warns 42 hours
 * ahead, a monthly one a week ahead. Arithmetic on UTC instants (days of 24 hours), so a due
 * date never moves with a server's time zone or daylight-saving time.
 */
export function cadenceStatus(input: { issuedAt: Date; lastEngagementAt: Date | null; cadenceDays: number; now: Date }): {
  nextDueAt: Date;
  status: TCadenceRow['status'];
} {
  const nextDueAt = new Date((input.lastEngagementAt ?? input.issuedAt).getTime() + input.cadenceDays * DAY_MS);
  const remaining = nextDueAt.getTime() - input.now.getTime();
  if (remaining < 0) return { nextDueAt, status: 'overdue' };
  const window = Math.min(7 * DAY_MS, (input.cadenceDays * DAY_MS) / 4);
  return { nextDueAt, status: remaining <= window ? 'due_soon' : 'on_time' };
}
