import { sql } from 'drizzle-orm';
import { afterAll, bench, describe } from 'vitest';
import { SYSTEM } from '../src/server/audit/audit-context';
import { queryRows } from '../src/server/db/client';
import { loadActor } from '../src/server/identity/actor';
import { createUser } from '../src/server/identity/create-user';
import { incidentMap } from '../src/server/incidents/incident-map';
import { listIncidents } from '../src/server/incidents/incident-queries';
import { seedReference } from '../src/server/reference/seed-reference';
import { createTestDatabase } from '../src/server/testing/test-database';
import { fillSyntheticIncidentRows } from './synthetic-incident-rows';

/**
 * Whether a page of incidents and the map stay flat as the table grows. The table is filled
 * in steps (10k, then 100k; 1M with BENCH_INCIDENT_SIZES=10000,100000,1000000) with clearly
 * synthetic incidents spread over every post, two years, all statuses, markings, legal and
 * suspect statuses; at each size the same requests are timed against a raw page of the same
 * table in the same run. The summary printed at the end gives min/median/max per size and
 * the growth from the smallest size to the largest (1.0 = flat).
 *
 * TEST_DATABASE_URL: PostgreSQL, else PGlite in memory (default sizes 10k and 100k on both).
 */
const SIZES = (process.env.BENCH_INCIDENT_SIZES ?? '10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.DEMARCHE_BENCH_RUNS ?? 20);

const database = await createTestDatabase();
afterAll(async () => database.close());
const db = database.db;
await seedReference(db);
const make = async (role: 'hq_analyst' | 'officer', post?: string) => {
  const user = await createUser(
    db,
    { email: `${role}@bench.test`, name: role, role, post: post ?? null, bureau: null, clearance: 'C', password: 'bench passphrase 1' },
    SYSTEM,
  );
  return (await loadActor(db, user.id))!;
};
const hq = await make('hq_analyst');
const officer = await make('officer', 'berlin');

/** Adds incidents up to `total`, each with one source and its first legal status, all labelled synthetic. */
const growTo = (total: number, from: number) => fillSyntheticIncidentRows(db, { from, total, draftedBy: officer.id });

type Timed = 'raw page' | 'HQ first page' | 'HQ page, DE, 3 months, suspect status' | 'officer first page' | 'map, DE, 3 months';
const REQUESTS: Record<Timed, () => Promise<unknown>> = {
  'raw page': () => queryRows(db, sql`select * from incidents order by occurred_on desc, id desc limit 51`),
  'HQ first page': () => listIncidents(db, { limit: 50, format: 'json' }, hq),
  'HQ page, DE, 3 months, suspect status': () =>
    listIncidents(db, { limit: 50, format: 'json', country: 'DE', from: '2026-09-01', to: '2026-11-30', suspectStatus: ['national', 'foreign_national'] }, hq),
  'officer first page': () => listIncidents(db, { limit: 50, format: 'json' }, officer),
  'map, DE, 3 months': () => incidentMap(db, { country: 'DE', from: '2026-09-01', to: '2026-11-30' }, hq),
};

const results = new Map<number, Record<Timed, number[]>>();
let stored = 0;
for (const size of SIZES) {
  await growTo(size, stored);
  stored = size;
  const timings = Object.fromEntries(Object.keys(REQUESTS).map((name) => [name, [] as number[]])) as unknown as Record<Timed, number[]>;
  for (const request of Object.values(REQUESTS)) await request(); // warm
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, request] of Object.entries(REQUESTS) as [Timed, () => Promise<unknown>][]) {
      const started = performance.now();
      await request();
      timings[name].push(performance.now() - started);
    }
  }
  results.set(size, timings);
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};

describe(`incident list and map as the table grows (${database.driver}: ${SIZES.map((size) => size.toLocaleString('en')).join(', ')})`, () => {
  // The timings above are the measurement; this prints them (vitest bench needs one bench to report).
  bench(
    'summary',
    () => {
      const smallest = results.get(SIZES[0]!)!;
      const largest = results.get(SIZES[SIZES.length - 1]!)!;
      const lines = [`${ROUNDS} rounds per size on ${database.driver} (ms, min / median / max; × raw = median ÷ raw page median):`];
      for (const [size, timings] of results) {
        const raw = stats(timings['raw page']).median;
        lines.push(`${size.toLocaleString('en')} incidents`);
        for (const [name, values] of Object.entries(timings) as [Timed, number[]][]) {
          const s = stats(values);
          lines.push(
            `  ${name.padEnd(40)} ${s.min.toFixed(1).padStart(7)} ${s.median.toFixed(1).padStart(7)} ${s.max.toFixed(1).padStart(7)}   × raw ${(s.median / raw).toFixed(1)}`,
          );
        }
      }
      lines.push(`growth of the median from ${SIZES[0]!.toLocaleString('en')} to ${SIZES[SIZES.length - 1]!.toLocaleString('en')} incidents (1.0 = flat):`);
      for (const name of Object.keys(REQUESTS) as Timed[]) {
        lines.push(`  ${name.padEnd(40)} ${(stats(largest[name]).median / stats(smallest[name]).median).toFixed(2)}`);
      }
      console.log(lines.join('\n'));
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
