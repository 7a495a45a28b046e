import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { EVERYONE_SEES, insertIncident, setUpDuplicatesFixture } from './duplicates-fixtures';
import { EVALUATION_REPORTS } from './evaluation-cases';
import { DUPLICATE_LIMIT, DUPLICATE_MIN_SCORE, DUPLICATE_WINDOW_DAYS, findDuplicateCandidates, type ScoredCandidate } from './find-duplicates';
import { trigramCandidates } from './trigram-candidates';
import { lshBands, minhashSignature, minhashSimilarity, shareBand } from './word-minhash';

/**
 * How well each method finds the reports of evaluation-cases.ts that describe the same event.
 * Every report is stored; each is then checked against the others as a new incident would be
 * (at most five candidates), and every pair offered is judged. Precision: the share of pairs
 * offered that are the same event. Recall: the share of same-event pairs offered, over the
 * pairs in one language (the German and French reports are known misses, and counted apart).
 * The floors are the figures measured (docs/duplicates.md), so that a change that finds fewer
 * duplicates or offers more wrong ones fails here. DEMARCHE_DUPLICATES_SWEEP=1 prints each
 * method's figures over a range of thresholds.
 */

type Finder = (index: number, threshold: number) => Promise<ScoredCandidate[]>;

interface Quality {
  offered: number;
  precision: number;
  /** Over same-language pairs. */
  recall: number;
  /** Over all pairs, other languages included. */
  recallAll: number;
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const samePairs = new Set<string>();
const sameLanguagePairs = new Set<string>();
for (const [i, a] of EVALUATION_REPORTS.entries()) {
  for (const [j, b] of EVALUATION_REPORTS.entries()) {
    if (i >= j || a.event !== b.event) continue;
    samePairs.add(pairKey(i, j));
    if (a.language === b.language) sameLanguagePairs.add(pairKey(i, j));
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function measure(find: Finder, threshold: number, indexOf: (id: string) => number): Promise<Quality> {
  const offered = new Set<string>();
  for (const [i] of EVALUATION_REPORTS.entries()) for (const candidate of await find(i, threshold)) offered.add(pairKey(i, indexOf(candidate.id)));
  const right = [...offered].filter((pair) => samePairs.has(pair));
  return {
    offered: offered.size,
    precision: round(right.length / offered.size),
    recall: round(right.filter((pair) => sameLanguagePairs.has(pair)).length / sameLanguagePairs.size),
    recallAll: round(right.length / samePairs.size),
  };
}

describe('near-duplicate quality on the labelled evaluation set', () => {
  let database: TestDatabase;
  let ids: string[];
  const indexOf = (id: string) => ids.indexOf(id);

  beforeAll(async () => {
    database = await createTestDatabase();
    const fixture = await setUpDuplicatesFixture(database.db);
    ids = [];
    for (const report of EVALUATION_REPORTS) ids.push(await insertIncident(database.db, fixture, report));
  });
  afterAll(async () => database.close());

  const probe = (i: number) => ({ ...EVALUATION_REPORTS[i]!, exclude: [ids[i]!] });

  const wordShingles: Finder = (i, threshold) => findDuplicateCandidates(database.db, probe(i), { visible: EVERYONE_SEES, minScore: threshold });
  const trigrams: Finder = (i, threshold) => trigramCandidates(database.db, probe(i), { visible: EVERYONE_SEES, minSimilarity: threshold });
  // MinHash with LSH over the same shingles, as a stored signature would give: the same
  // country and window, then a shared band, then the estimated similarity.
  const signatures = EVALUATION_REPORTS.map((report) => minhashSignature(report.summary));
  const bands = signatures.map(lshBands);
  const minhash: Finder = async (i, threshold) => {
    const report = EVALUATION_REPORTS[i]!;
    const found: ScoredCandidate[] = [];
    EVALUATION_REPORTS.forEach((other, j) => {
      const days = Math.abs(Date.parse(other.occurredOn) - Date.parse(report.occurredOn)) / 86_400_000;
      if (j === i || other.country !== report.country || days > DUPLICATE_WINDOW_DAYS || !shareBand(bands[i]!, bands[j]!)) return;
      const score = minhashSimilarity(signatures[i]!, signatures[j]!);
      if (score >= threshold) found.push({ id: ids[j]!, score });
    });
    return found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, DUPLICATE_LIMIT);
  };

  it(`the chosen method, word-shingle Jaccard at ${DUPLICATE_MIN_SCORE}, offers 7 right pairs in 10 and finds 9 in 10 same-language duplicates`, async () => {
    const quality = await measure(wordShingles, DUPLICATE_MIN_SCORE, indexOf);
    // Measured: 40 pairs offered, precision 0.7, recall 0.903; 0.778 with the German and French reports, all missed.
    expect(quality.precision).toBeGreaterThanOrEqual(0.7);
    expect(quality.recall).toBeGreaterThanOrEqual(0.9);
    expect(quality.recallAll).toBeGreaterThanOrEqual(0.77);
  });

  it('pg_trgm similarity offers more wrong pairs at the same recall, and finds fewer at its best threshold', async () => {
    expect(await measure(trigrams, 0.25, indexOf)).toEqual({ offered: 67, precision: 0.418, recall: 0.903, recallAll: 0.778 });
    expect(await measure(trigrams, 0.3, indexOf)).toEqual({ offered: 33, precision: 0.697, recall: 0.742, recallAll: 0.639 });
  });

  it('MinHash/LSH estimates the same measure with noise: at the same threshold it finds fewer, at a lower one it offers more wrong pairs', async () => {
    expect(await measure(minhash, 0.17, indexOf)).toEqual({ offered: 48, precision: 0.625, recall: 0.968, recallAll: 0.833 });
    expect(await measure(minhash, 0.18, indexOf)).toEqual({ offered: 40, precision: 0.625, recall: 0.806, recallAll: 0.694 });
  });

  it.runIf(process.env.DEMARCHE_DUPLICATES_SWEEP === '1')('prints each method over a range of thresholds', async () => {
    const rows: Record<string, Quality & { method: string; threshold: number }> = {};
    const sweep = async (method: string, find: Finder, thresholds: number[]) => {
      for (const threshold of thresholds) rows[`${method} ${threshold}`] = { method, threshold, ...(await measure(find, threshold, indexOf)) };
    };
    await sweep('word-shingle Jaccard', wordShingles, [0.12, 0.15, 0.17, 0.18, 0.2, 0.22, 0.24]);
    await sweep('pg_trgm similarity', trigrams, [0.2, 0.22, 0.25, 0.28, 0.3, 0.32, 0.35]);
    await sweep('MinHash/LSH', minhash, [0.12, 0.15, 0.17, 0.18, 0.2, 0.22, 0.24]);
    console.table(Object.values(rows));
  });
});
