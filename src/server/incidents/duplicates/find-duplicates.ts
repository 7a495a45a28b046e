import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { incidents } from '../../db/schema/index';
import { jaccard, wordShingles } from './word-shingles';

/**
 * Candidates that may describe the same event as a new or imported incident: same country,
 * dates close together, summaries that share enough words. The database narrows by country
 * and date with the btree index incidents_country_idx (and applies the merge, status and
 * access rules); the few rows left are scored here by the Jaccard similarity of their word
 * shingles. docs/duplicates.md measures this against pg_trgm and MinHash/LSH: at the same
 * recall it offers fewer wrong candidates than either, and it is faster than pg_trgm for one
 * incident and for a batch.
 */

/**
 * ±7 days. Outlets date an event by the night it began, the day it was reported or the day
 * the police published it, a day or two apart; and an incident known to the week is stored
 * under the week's first day, up to six days before a day-precise report of the same event.
 * A wider window lets same-kind events of other weeks in (evaluation-cases.ts has them
 * within days of each other in one town) and costs time in proportion to its width.
 */
export const DUPLICATE_WINDOW_DAYS = 7;
export const DUPLICATE_LIMIT = 5;
/**
 * The lowest word-shingle Jaccard similarity offered as a candidate. On evaluation-cases.ts,
 * 0.18 finds 28 of the 31 same-language paraphrase pairs, with 7 in 10 candidates right;
 * 0.22 would raise that to 9 in 10 but find only 22. A person reviews the candidates, so
 * finding the duplicate matters more than an extra wrong candidate (docs/duplicates.md).
 */
export const DUPLICATE_MIN_SCORE = 0.18;

/** Probes per statement in a batch: bounds the rows held at once. */
const BATCH_CHUNK = 2_000;

export interface DuplicateProbe {
  /** ISO alpha-2 code of the country where it happened. */
  country: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  summary: string;
  /** Incidents never to offer: the incident itself when it is stored already. */
  exclude?: string[];
}

export interface DuplicateSearchOptions {
  /** The reader's access rule as a condition on `incidents`: a candidate the reader may not see is never offered. */
  visible: SQL;
  windowDays?: number;
  limit?: number;
  /** DUPLICATE_MIN_SCORE unless given (the quality test's sweep). */
  minScore?: number;
}

export interface ScoredCandidate {
  id: string;
  /** Word-shingle Jaccard similarity of the summaries, 0 … 1. */
  score: number;
}

/** A merged incident is a pointer to its survivor, and a rejected one is no event. */
const stillOpen = and(isNull(incidents.mergedIntoId), ne(incidents.status, 'rejected')) as SQL;

function windowDaysOf(options: DuplicateSearchOptions): number {
  const days = options.windowDays ?? DUPLICATE_WINDOW_DAYS;
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`windowDays must be a whole number of days, not ${days}`);
  return days;
}

/** Scores the rows one probe's window returned and keeps the best, highest score first (then by id, so ties are stable). */
class CandidateList {
  readonly #summary: string;
  /** Shingled on the first stored incident near it: an import's rows mostly have none. */
  #shingles: Set<string> | undefined;
  readonly #exclude: Set<string>;
  readonly #minScore: number;
  readonly #found: ScoredCandidate[] = [];

  constructor(probe: DuplicateProbe, options: DuplicateSearchOptions) {
    this.#summary = probe.summary;
    this.#exclude = new Set(probe.exclude ?? []);
    this.#minScore = options.minScore ?? DUPLICATE_MIN_SCORE;
  }

  consider(id: string, shingles: ReadonlySet<string>): void {
    if (this.#exclude.has(id)) return;
    this.#shingles ??= wordShingles(this.#summary);
    const score = jaccard(this.#shingles, shingles);
    if (score >= this.#minScore) this.#found.push({ id, score });
  }

  best(limit: number): ScoredCandidate[] {
    return this.#found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
  }
}

/** Stored incidents that may describe the same event as the probe, best first. */
export async function findDuplicateCandidates(db: Executor, probe: DuplicateProbe, options: DuplicateSearchOptions): Promise<ScoredCandidate[]> {
  const days = windowDaysOf(options);
  const rows = await db
    .select({ id: incidents.id, summary: incidents.summary })
    .from(incidents)
    .where(
      and(
        eq(incidents.countryAlpha2, probe.country),
        sql`${incidents.occurredOn} between ${probe.occurredOn}::date - ${days}::int and ${probe.occurredOn}::date + ${days}::int`,
        stillOpen,
        options.visible,
      ),
    );
  const list = new CandidateList(probe, options);
  for (const row of rows) list.consider(row.id, wordShingles(row.summary));
  return list.best(options.limit ?? DUPLICATE_LIMIT);
}

/**
 * The same for many probes (an import): for each probe, in order, exactly what
 * findDuplicateCandidates returns. One statement per 2,000 probes looks up each probe's window
 * through the btree index (`offset 0` keeps the lateral subquery apart, which the planner
 * would otherwise turn into a hash join over the whole table). The next statement runs while
 * the rows of the last one are scored, and a stored incident near several probes is shingled
 * once.
 */
export async function findDuplicatesForBatch(db: Executor, probes: DuplicateProbe[], options: DuplicateSearchOptions): Promise<ScoredCandidate[][]> {
  const days = windowDaysOf(options);
  const lists = probes.map((probe) => new CandidateList(probe, options));
  // Probes near each other in one statement share the stored rows of their windows.
  const order = probes.map((_, index) => index);
  order.sort((a, b) => compare(probes[a]!.country, probes[b]!.country) || compare(probes[a]!.occurredOn, probes[b]!.occurredOn));
  const chunks: number[][] = [];
  for (let start = 0; start < order.length; start += BATCH_CHUNK) chunks.push(order.slice(start, start + BATCH_CHUNK));
  const windowRows = (chunk: number[]) =>
    queryRows<{ probe: number; id: string; summary: string }>(
      db,
      sql`select w.probe, near.id, near.summary
          from jsonb_to_recordset(${JSON.stringify(chunk.map((index) => ({ probe: index, country: probes[index]!.country, day: probes[index]!.occurredOn })))}::jsonb)
            as w(probe int, country text, day date)
          cross join lateral (
            select ${incidents.id} as id, ${incidents.summary} as summary from ${incidents}
            where ${incidents.countryAlpha2} = w.country
              and ${incidents.occurredOn} between w.day - ${days}::int and w.day + ${days}::int
              and ${stillOpen} and ${options.visible}
            offset 0) as near`,
    );
  let next = chunks.length > 0 ? windowRows(chunks[0]!) : undefined;
  for (let i = 0; next; i += 1) {
    const rows = await next;
    next = i + 1 < chunks.length ? windowRows(chunks[i + 1]!) : undefined;
    const shingled = new Map<string, Set<string>>();
    for (const row of rows) {
      let shingles = shingled.get(row.id);
      if (!shingles) {
        shingles = wordShingles(row.summary);
        shingled.set(row.id, shingles);
      }
      lists[row.probe]!.consider(row.id, shingles);
    }
  }
  const limit = options.limit ?? DUPLICATE_LIMIT;
  return lists.map((list) => list.best(limit));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stores the pairs found for a newly created or imported incident (the newer of each pair).
 * A pair stored already, in either order, is left as it is, dismissal included. Returns how
 * many pairs are new.
 */
export async function recordDuplicatePairs(tx: Executor, incidentId: string, candidates: ScoredCandidate[]): Promise<number> {
  const others = candidates.filter((candidate) => candidate.id !== incidentId);
  if (others.length === 0) return 0;
  const values = sql.join(
    others.map((candidate) => sql`(${candidate.id}::uuid, ${candidate.score}::real)`),
    sql`, `,
  );
  const inserted = await queryRows<{ candidateId: string }>(
    tx,
    sql`insert into incident_duplicates (incident_id, candidate_id, score)
        select ${incidentId}::uuid, c.candidate_id, c.score
        from (values ${values}) as c(candidate_id, score)
        where not exists (select 1 from incident_duplicates d where d.incident_id = c.candidate_id and d.candidate_id = ${incidentId}::uuid)
        on conflict do nothing
        returning candidate_id as "candidateId"`,
  );
  return inserted.length;
}
