/**
 * Assessment periods: calendar months, quarters, halves and years, named `2026-03`, `2026-Q1`,
 * `2026-H1` and `2026`, on UTC dates. A post assesses by quarter unless an issued directive
 * that names it for action sets an assessment cadence: then by the calendar period nearest to
 * the shortest such cadence (30 days → month, 90 → quarter, 180 → half, 365 → year), so that
 * periods line up across posts and the change view compares like with like.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

const MONTHS: Record<TPeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const TYPICAL_DAYS: Record<TPeriodKind, number> = { month: 30.44, quarter: 91.31, half: 182.62, year: 365.25 };

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
export const PERIOD_MESSAGE = 'must be a period such as 2026-Q1, 2026-H1, 2026-03 or 2026';

export interface TPeriod {
  name: string;
  kind: TPeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

const iso = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

function build(year: number, kind: TPeriodKind, index: number): TPeriod {
  const span = MONTHS[kind];
  const firstMonth = index * span;
  const name =
    kind === 'year'
      ? `${year}`
      : kind === 'half'
        ? `${year}-H${index + 1}`
        : kind === 'quarter'
          ? `${year}-Q${index + 1}`
          : `${year}-${String(index + 1).padStart(2, '0')}`;
  return { name, kind, start: iso(year, firstMonth, 1), end: iso(year, firstMonth + span, 0) };
}

/** The period a name stands for, or null for a name that is not one. */
export function parsePeriod(name: string): TPeriod | null {
  const match = PERIOD_PATTERN.exec(name);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2099) return null;
  const part = match[2];
  if (!part) return build(year, 'year', 0);
  if (part.startsWith('Q')) return build(year, 'quarter', Number(part.slice(1)) - 1);
  if (part.startsWith('H')) return build(year, 'half', Number(part.slice(1)) - 1);
  return build(year, 'month', Number(part) - 1);
}

/** The period of this kind that holds the day (YYYY-MM-DD or a Date, read in UTC). */
export function periodContaining(day: string | Date, kind: TPeriodKind): TPeriod {
  const date = typeof day === 'string' ? new Date(`${day}T00:00:00Z`) : day;
  return build(date.getUTCFullYear(), kind, Math.floor(date.getUTCMonth() / MONTHS[kind]));
}

/** The period before (or after, with `step` 1) this one, of the same kind. */
export function shiftPeriod(period: TPeriod, step: number): TPeriod {
  const start = new Date(`${period.start}T00:00:00Z`);
  const moved = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + step * MONTHS[period.kind], 1));
  return periodContaining(moved, period.kind);
}

/** The last period of this kind that has ended before the day. */
export function lastEndedPeriod(today: string | Date, kind: TPeriodKind): TPeriod {
  return shiftPeriod(periodContaining(today, kind), -1);
}

/** The calendar period nearest to a cadence in days (on a log scale); a quarter without one. */
export function periodKindForCadence(days: number | null | undefined): TPeriodKind {
  if (!days || days <= 0) return 'quarter';
  let best: TPeriodKind = 'quarter';
  for (const kind of PERIOD_KINDS) {
    if (Math.abs(Math.log(days / TYPICAL_DAYS[kind])) < Math.abs(Math.log(days / TYPICAL_DAYS[best]))) best = kind;
  }
  return best;
}

/** An assessment is due by the last day of the month after its period ends (Q1 by 30 April). */
export function periodDueOn(period: TPeriod): string {
  const end = new Date(`${period.end}T00:00:00Z`);
  return iso(end.getUTCFullYear(), end.getUTCMonth() + 2, 0);
}

/**
 * Whether these spans (assessment periods, first and last day) together cover the period, month
 * by month (every period is made of whole calendar months): a quarter is covered by its own
 * assessment, by the half or year holding it, or by the three months of a post that assesses
 * by month.
 */
export function periodCoveredBy(period: TPeriod, spans: readonly { start: string; end: string }[]): boolean {
  for (let month = periodContaining(period.start, 'month'); month.start <= period.end; month = shiftPeriod(month, 1)) {
    if (!spans.some((span) => span.start <= month.start && span.end >= month.end)) return false;
  }
  return true;
}
