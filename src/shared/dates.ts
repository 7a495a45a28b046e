import { z } from 'zod';

/**
 * The plausible window for every date and time the API accepts: records of diplomatic work
 * fall well inside it, and the database can store every value in it (PostgreSQL has no
 * year 0). A value outside is a 400 naming the field, never a database error.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2099-12-31';
const WINDOW = `between ${DATE_MIN} and ${DATE_MAX}`;
const FIRST = Date.parse(`${DATE_MIN}T00:00:00Z`);
const AFTER_LAST = Date.parse('2100-01-01T00:00:00Z');

/** A calendar date (YYYY-MM-DD) inside the window. */
export function ZDate(example: string) {
  return (
    z.iso
      .date({ error: (issue) => (issue.input === undefined ? 'is required' : `must be a date such as ${example}`) })
      // Only a well-formed date is checked against the window: a malformed one has its own message.
      .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (value >= DATE_MIN && value <= DATE_MAX), `must be a date ${WINDOW}`)
      .meta({ description: `A date (YYYY-MM-DD) ${WINDOW}.` })
  );
}

/** An ISO 8601 date-time with its offset, inside the window. */
export function ZDateTime() {
  return z.iso
    .datetime({ offset: true, error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO 8601 date-time such as 2026-03-02T09:30:00Z') })
    .refine((value) => {
      const time = Date.parse(value);
      return Number.isNaN(time) || (time >= FIRST && time < AFTER_LAST);
    }, `must be a date-time ${WINDOW}`)
    .meta({ description: `An ISO 8601 date-time with offset, ${WINDOW}.` });
}

/** Why a From–To range is empty, in words, or null; the list forms and the API say the same. */
export function dateRangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (from && to && Date.parse(from) > Date.parse(to)) return 'The “From” date is after the “To” date: choose a “From” date on or before the “To” date.';
  return null;
}

/** A list query's `from` after its `to` is a 400 naming both fields (never an empty page that looks like "nothing happened"). */
export function checkDateRange(query: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx): void {
  if (!dateRangeProblem(query.from, query.to)) return;
  context.addIssue({ code: 'custom', path: ['from'], message: `must be on or before to (${query.to})`, input: query.from });
  context.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${query.from})`, input: query.to });
}
