import type { FieldError } from '../http/app-error';
import type { EngagementFields } from './validate-engagement';

/** How far ahead an engagement may be dated: a day, for time zones and a meeting about to start. */
export const FUTURE_TOLERANCE_HOURS = 24;

/**
 * Dates that cannot be so: an engagement is recorded once it has taken place (give or take a
 * day), the counterpart's account is published after it and not in the future, and a
 * follow-up is due after the engagement it follows. (The window every date must fall in,
 * 1900–2099, is checked by the shared contract.)
 */
export function implausibleDates(input: Pick<EngagementFields, 'occurredAt' | 'counterpartDate' | 'followUps'>, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const occurredAt = new Date(input.occurredAt);
  const occurredDay = occurredAt.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_HOURS * 3_600_000) {
    errors.push({
      field: 'body.occurredAt',
      message: `must not be more than ${FUTURE_TOLERANCE_HOURS} hours in the future: record an engagement once it has taken place`,
    });
  }
  if (input.counterpartDate !== null && input.counterpartDate > tomorrow) {
    errors.push({ field: 'body.counterpartDate', message: 'must not be in the future: give the date the account was published' });
  } else if (input.counterpartDate !== null && input.counterpartDate < occurredDay) {
    errors.push({ field: 'body.counterpartDate', message: `must be on or after the engagement’s date (${occurredDay})` });
  }
  input.followUps.forEach((followUp, i) => {
    if (followUp.dueDate < occurredDay)
      errors.push({ field: `body.followUps.${i}.dueDate`, message: `must be on or after the engagement’s date (${occurredDay})` });
  });
  return errors;
}
