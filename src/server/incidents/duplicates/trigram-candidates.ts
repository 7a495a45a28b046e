import { sql, type SQL } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { incidents } from '../../db/schema/index';
import { DUPLICATE_LIMIT, DUPLICATE_WINDOW_DAYS, type DuplicateProbe, type ScoredCandidate } from './find-duplicates';

/**
 * The pg_trgm alternative to find-duplicates.ts, kept for the quality test and the benchmark
 * that compare them (docs/duplicates.md): the same candidates, scored in the database by the
 * trigram similarity() of the summaries. The country and date conditions let the btree index
 * incidents_country_idx find the few rows to score. The `%` operator instead of similarity()
 * would let the planner consider a trigram GIN index (the benchmark builds one; the schema has
 * none), but with the window it keeps the btree and only adds the operator's selectivity
 * estimate, milliseconds a query; without the window most of the table matches, since
 * incident summaries share many trigrams.
 */

/** The best threshold for pg_trgm on evaluation-cases.ts (highest F1). */
export const TRIGRAM_MIN_SIMILARITY = 0.3;

export async function trigramCandidates(
  db: Executor,
  probe: DuplicateProbe,
  options: { visible: SQL; windowDays?: number; limit?: number; minSimilarity?: number },
): Promise<ScoredCandidate[]> {
  const days = options.windowDays ?? DUPLICATE_WINDOW_DAYS;
  const exclude = probe.exclude?.length ? sql`and ${incidents.id} <> all(${`{${probe.exclude.join(',')}}`}::uuid[])` : sql``;
  return queryRows<ScoredCandidate>(
    db,
    sql`select ${incidents.id} as id, similarity(${incidents.summary}, ${probe.summary}) as score
        from ${incidents}
        where ${incidents.countryAlpha2} = ${probe.country}
          and ${incidents.occurredOn} between ${probe.occurredOn}::date - ${days}::int and ${probe.occurredOn}::date + ${days}::int
          and ${incidents.mergedIntoId} is null and ${incidents.status} <> 'rejected'
          and ${options.visible} ${exclude}
          and similarity(${incidents.summary}, ${probe.summary}) >= ${options.minSimilarity ?? TRIGRAM_MIN_SIMILARITY}
        order by score desc, id
        limit ${options.limit ?? DUPLICATE_LIMIT}`,
  );
}
