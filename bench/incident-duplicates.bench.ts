import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, bench, describe } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { incidents } from '../src/server/db/schema/index';
import { visibleRecords } from '../src/server/identity/access-policy';
import type { Actor } from '../src/server/identity/actor';
import { setUpDuplicatesFixture } from '../src/server/incidents/duplicates/duplicates-fixtures';
import {
  DUPLICATE_LIMIT,
  DUPLICATE_WINDOW_DAYS,
  type DuplicateProbe,
  findDuplicateCandidates,
  findDuplicatesForBatch,
} from '../src/server/incidents/duplicates/find-duplicates';
import { TRIGRAM_MIN_SIMILARITY, trigramCandidates } from '../src/server/incidents/duplicates/trigram-candidates';
import { lshBands, minhashSignature, minhashSimilarity } from '../src/server/incidents/duplicates/word-minhash';
import { createTestDatabase } from '../src/server/testing/test-database';

/** MinHash's threshold at the recall of the chosen method (duplicates-quality.test.ts). */
const MINHASH_MIN_SIMILARITY = 0.17;

/**
 * What the duplicate check costs, against the plain indexed lookup of the same country and
 * dates (the least any method must do) in the same run: vitest prints the ratios. Three
 * methods: the chosen one (word shingles scored in the app, find-duplicates.ts), pg_trgm
 * similarity() in the database, and MinHash/LSH signatures, which would need a migration
 * and are kept here in a table of the benchmark's own database. docs/duplicates.md has the
 * figures and the commands.
 *
 * DEMARCHE_BENCH_INCIDENTS: incidents stored (100,000 on PostgreSQL, 20,000 on PGlite);
 * DEMARCHE_BENCH_BATCH: probes in a batch (10,000); DEMARCHE_BENCH_EXPLAIN=1 prints the plans.
 */
const STORED = Number(process.env.DEMARCHE_BENCH_INCIDENTS ?? (process.env.TEST_DATABASE_URL ? 100_000 : 20_000));
const BATCH = Number(process.env.DEMARCHE_BENCH_BATCH ?? 10_000);
const YEARS = 5;
const FIRST_DAY = Date.parse('2021-01-01T00:00:00Z');

// Clearly synthetic incidents: summaries from templates with invented words and towns.
let seed = 20_260_303;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'dor', 'bri', 'nek', 'ost', 'ul', 'fa', 'ges', 'hin', 'jor', 'pla', 'quo', 'sti', 'wen'];
const inventedWord = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
const WORDS = Array.from({ length: 3_000 }, inventedWord);
const TOWNS = Array.from({ length: 2_000 }, () => {
  const word = inventedWord();
  return `${word[0]!.toUpperCase()}${word.slice(1)}${pick(['burg', 'ville', 'dorf', 'by', 'ton', 'ovo'])}`;
});
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];
const PEOPLE = ['people', 'men', 'youths', 'residents', 'protesters', 'passengers'];
const VERBS = ['attacked', 'vandalised', 'set fire to', 'threatened', 'blocked the entrance of', 'threw stones at', 'sprayed slogans on', 'broke into'];
const OBJECTS = [
  'a shelter',
  'a shop',
  'a place of worship',
  'a bus',
  'a market stall',
  'a school',
  'a clinic',
  'a community centre',
  'a hotel',
  'a tram stop',
];
const PLACES = ['station', 'market square', 'harbour', 'town hall', 'park', 'border crossing', 'old town', 'bridge'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OUTCOMES = [
  'police opened an investigation',
  'two suspects were arrested',
  'nobody was hurt',
  'several residents were injured',
  'the fire brigade put out a fire',
  'prosecutors are examining the case',
];

interface SyntheticEvent {
  country: string;
  occurredOn: string;
  count: number;
  people: string;
  verb: string;
  object: string;
  place: string;
  town: string;
  day: string;
  outcome: string;
  filler: string[];
}

const dayString = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

function syntheticEvent(country: string): SyntheticEvent {
  return {
    country,
    occurredOn: dayString(Math.floor(random() * 365 * YEARS)),
    count: 2 + Math.floor(random() * 9),
    people: pick(PEOPLE),
    verb: pick(VERBS),
    object: pick(OBJECTS),
    place: pick(PLACES),
    town: pick(TOWNS),
    day: pick(DAYS),
    outcome: pick(OUTCOMES),
    filler: Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(WORDS)),
  };
}

const asStored = (e: SyntheticEvent) =>
  `Synthetic report: ${e.count} ${e.people} ${e.verb} ${e.object} near the ${e.place} in ${e.town} on ${e.day}; ${e.outcome}. ${e.filler.join(' ')}.`;
/** The same event in other words and order, a number spelt out, half the detail. */
const asRetold = (e: SyntheticEvent) =>
  `Synthetic report from ${e.town}: ${e.outcome} after ${NUMBERS[e.count - 2]} ${e.people} ${e.verb} ${e.object} on ${e.day} by the ${e.place}. ${e.filler
    .slice(0, e.filler.length / 2)
    .join(' ')}.`;

// Incidents are spread over the countries with a post, the busier ones more (weight 1/√rank),
// and evenly over five years.
const database = await createTestDatabase();
afterAll(async () => database.close());
const db = database.db;
const fixture = await setUpDuplicatesFixture(db);
const countries = (await queryRows<{ country: string }>(db, sql`select distinct country_alpha2 as country from posts order by 1`)).map((row) => row.country);
const cumulative: number[] = [];
countries.reduce((sum, _, rank) => {
  cumulative.push(sum + 1 / Math.sqrt(rank + 1));
  return cumulative[rank]!;
}, 0);
const pickCountry = () => {
  const target = random() * cumulative[cumulative.length - 1]!;
  return countries[cumulative.findIndex((sum) => sum >= target)]!;
};
const postIds = new Map<string, string>();
for (const country of countries) postIds.set(country, await fixture.postOf(country));

const minhashAlso = process.env.DEMARCHE_BENCH_MINHASH !== '0';
const explain = process.env.DEMARCHE_BENCH_EXPLAIN === '1';
await db.execute(
  sql`create unlogged table incident_minhash (id uuid primary key, country_alpha2 text not null, occurred_on date not null, signature int[] not null, bands int[])`,
);
// A trigram GIN index, for the pg_trgm `%` alternative only (the schema has none): built once the rows are in.
await db.execute(sql`drop index if exists incidents_summary_trgm_idx`);
const kept: SyntheticEvent[] = [];
const started = performance.now();
for (let done = 0; done < STORED; ) {
  const chunk = Array.from({ length: Math.min(5_000, STORED - done) }, () => syntheticEvent(pickCountry()));
  if (kept.length < 20_000) kept.push(...chunk.slice(0, 200));
  const rows = chunk.map((e) => ({ id: randomUUID(), post: postIds.get(e.country), country: e.country, day: e.occurredOn, summary: asStored(e) }));
  await db.execute(
    sql`insert into incidents (id, post_id, country_alpha2, place_name, geo_precision, occurred_on, time_precision, category, summary, classification, status, synthetic, drafted_by)
        select r.id, r.post, r.country, 'Synthetic town', 'town', r.day, 'day', ${fixture.category}, r.summary, 'U', 'submitted', true, ${fixture.drafterId}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, post uuid, country text, day date, summary text)`,
  );
  if (minhashAlso) {
    const signed = rows.map((row) => {
      const signature = minhashSignature(row.summary);
      return { id: row.id, country: row.country, day: row.day, signature: [...signature], bands: explain ? [...lshBands(signature)] : null };
    });
    await db.execute(sql`insert into incident_minhash select r.id, r.country, r.day, r.signature, r.bands
        from jsonb_to_recordset(${JSON.stringify(signed)}::jsonb) as r(id uuid, country text, day date, signature int[], bands int[])`);
  }
  done += chunk.length;
}
const loaded = performance.now();
await db.execute(sql`create index incidents_summary_trgm_idx on incidents using gin (summary gin_trgm_ops)`);
await db.execute(sql`create index incident_minhash_window_idx on incident_minhash (country_alpha2, occurred_on)`);
if (explain) await db.execute(sql`create index incident_minhash_bands_idx on incident_minhash using gin (bands)`);
await db.execute(sql`analyze`);
console.log(
  `${STORED} synthetic incidents loaded in ${((loaded - started) / 1000).toFixed(1)} s, indexed in ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
);

// Probes: half retell a stored event (a day or two off), half are new events.
const probeOf = (i: number): DuplicateProbe => {
  if (i % 2 === 0 && kept.length > 0) {
    const e = kept[Math.floor(random() * kept.length)]!;
    const shift = Math.floor(random() * 5) - 2;
    return { country: e.country, occurredOn: dayString((Date.parse(e.occurredOn) - FIRST_DAY) / 86_400_000 + shift), summary: asRetold(e) };
  }
  const e = syntheticEvent(pickCountry());
  return { country: e.country, occurredOn: e.occurredOn, summary: asStored(e) };
};
const singles = Array.from({ length: 1_000 }, (_, i) => probeOf(i));
const batch = Array.from({ length: BATCH }, (_, i) => probeOf(i));
const busiest = countries[0]!;
const busiestProbes = singles.map((p) => ({ ...p, country: busiest }));

const reader: Actor = {
  id: fixture.drafterId,
  email: 'hq@demarche.test',
  name: 'Synthetic analyst',
  role: 'hq_analyst',
  clearance: 'S',
  postId: null,
  postCode: null,
  bureauCode: null,
  disabled: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const visible = visibleRecords(reader, { postId: incidents.postId, classification: incidents.classification });

const windowSizes = await queryRows<{ mean: number; max: number; busiest: number }>(
  db,
  sql`with w as (select country_alpha2 as country, count(*) over (partition by country_alpha2 order by occurred_on range between ${`${DUPLICATE_WINDOW_DAYS} days`}::interval preceding and ${`${DUPLICATE_WINDOW_DAYS} days`}::interval following) as n from incidents)
      select round(avg(n), 1)::float as mean, max(n)::int as max, max(n) filter (where country = ${busiest})::int as busiest from w`,
);
console.log(`incidents in a ±${DUPLICATE_WINDOW_DAYS}-day window of one country: ${JSON.stringify(windowSizes[0])} (busiest: ${busiest})`);

/** The plain lookup every method starts from. */
const rawWindow = (p: DuplicateProbe) =>
  queryRows(
    db,
    sql`select id from incidents where country_alpha2 = ${p.country} and occurred_on between ${p.occurredOn}::date - ${DUPLICATE_WINDOW_DAYS}::int and ${p.occurredOn}::date + ${DUPLICATE_WINDOW_DAYS}::int`,
  );
/** pg_trgm with the `%` operator, which lets the planner choose the trigram GIN index. */
const trigramOperator = (p: DuplicateProbe) =>
  queryRows(
    db,
    sql`select id, similarity(summary, ${p.summary}) as score from incidents
        where country_alpha2 = ${p.country} and occurred_on between ${p.occurredOn}::date - ${DUPLICATE_WINDOW_DAYS}::int and ${p.occurredOn}::date + ${DUPLICATE_WINDOW_DAYS}::int
          and merged_into_id is null and status <> 'rejected' and ${visible} and summary % ${p.summary}
        order by score desc, id limit ${DUPLICATE_LIMIT}`,
  );

/**
 * MinHash as a migration would store it: the signatures of the window's incidents, compared in
 * the app. Not through the LSH bands: at the threshold duplicates need, most incidents share a
 * band with any probe, and the GIN index on the bands reads most of the table (the plan below).
 */
async function minhashCandidates(p: DuplicateProbe) {
  const signature = minhashSignature(p.summary);
  const rows = await queryRows<{ id: string; signature: number[] }>(
    db,
    sql`select id, signature from incident_minhash
        where country_alpha2 = ${p.country} and occurred_on between ${p.occurredOn}::date - ${DUPLICATE_WINDOW_DAYS}::int and ${p.occurredOn}::date + ${DUPLICATE_WINDOW_DAYS}::int`,
  );
  return rows
    .map((row) => ({ id: row.id, score: minhashSimilarity(signature, Int32Array.from(row.signature)) }))
    .filter((c) => c.score >= MINHASH_MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, DUPLICATE_LIMIT);
}

if (explain) {
  const p = singles[1]!;
  const window = sql`country_alpha2 = ${p.country} and occurred_on between ${p.occurredOn}::date - 7 and ${p.occurredOn}::date + 7`;
  for (const [name, query] of [
    [
      'chosen: the window, scored in the app',
      sql`select id, summary from incidents where ${window} and merged_into_id is null and status <> 'rejected' and ${visible}`,
    ],
    [
      'pg_trgm, similarity() on the window',
      sql`select id, similarity(summary, ${p.summary}) s from incidents where ${window} and merged_into_id is null and status <> 'rejected' and ${visible} and similarity(summary, ${p.summary}) >= ${TRIGRAM_MIN_SIMILARITY} order by s desc, id limit 5`,
    ],
    [
      'pg_trgm, % operator',
      sql`select id, similarity(summary, ${p.summary}) s from incidents where ${window} and merged_into_id is null and status <> 'rejected' and ${visible} and summary % ${p.summary} order by s desc, id limit 5`,
    ],
    ['pg_trgm, % operator without the window', sql`select count(*) from incidents where summary % ${p.summary}`],
    [
      'MinHash, LSH bands through their GIN index',
      sql`select id, signature from incident_minhash where ${window} and bands && ${`{${lshBands(minhashSignature(p.summary)).join(',')}}`}::int[]`,
    ],
    [
      'MinHash, how many incidents share a band with the probe',
      sql`select count(*) from incident_minhash where bands && ${`{${lshBands(minhashSignature(p.summary)).join(',')}}`}::int[]`,
    ],
  ] as const) {
    const plan = await queryRows<Record<string, string>>(db, sql`explain (analyze, costs off, timing off) ${query}`);
    console.log(`\n${name}:\n${plan.map((row) => Object.values(row)[0]).join('\n')}`);
  }
}

let next = 0;
const rotate = <T>(list: T[]) => list[next++ % list.length]!;
const SINGLE = { time: 2_000, warmupTime: 200 };
const BATCHED = { time: 0, iterations: 3, warmupIterations: 1, warmupTime: 0 };

describe(`one incident checked against ${STORED} stored`, () => {
  bench('raw SQL: the ids in the country and window', async () => void (await rawWindow(rotate(singles))), SINGLE);
  bench('chosen: word shingles, scored in the app', async () => void (await findDuplicateCandidates(db, rotate(singles), { visible })), SINGLE);
  bench('pg_trgm: similarity() on the window', async () => void (await trigramCandidates(db, rotate(singles), { visible })), SINGLE);
  bench('pg_trgm: % operator', async () => void (await trigramOperator(rotate(singles))), SINGLE);
  if (minhashAlso) bench('MinHash/LSH: stored signatures (needs a migration)', async () => void (await minhashCandidates(rotate(singles))), SINGLE);
});

describe(`one incident in the busiest country (${busiest}) checked against ${STORED} stored`, () => {
  bench('raw SQL: the ids in the country and window', async () => void (await rawWindow(rotate(busiestProbes))), SINGLE);
  bench('chosen: word shingles, scored in the app', async () => void (await findDuplicateCandidates(db, rotate(busiestProbes), { visible })), SINGLE);
  bench('pg_trgm: similarity() on the window', async () => void (await trigramCandidates(db, rotate(busiestProbes), { visible })), SINGLE);
  if (minhashAlso) bench('MinHash/LSH: stored signatures (needs a migration)', async () => void (await minhashCandidates(rotate(busiestProbes))), SINGLE);
});

describe(`a batch of ${BATCH} checked against ${STORED} stored`, () => {
  const windows = JSON.stringify(batch.map((p, probe) => ({ probe, country: p.country, day: p.occurredOn })));
  const windowsWithSummaries = JSON.stringify(batch.map((p, probe) => ({ probe, country: p.country, day: p.occurredOn, summary: p.summary })));
  bench(
    'raw SQL: the ids in each country and window',
    async () => {
      await queryRows(
        db,
        sql`select w.probe, near.id from jsonb_to_recordset(${windows}::jsonb) as w(probe int, country text, day date)
            cross join lateral (select id from incidents where country_alpha2 = w.country
              and occurred_on between w.day - ${DUPLICATE_WINDOW_DAYS}::int and w.day + ${DUPLICATE_WINDOW_DAYS}::int offset 0) near`,
      );
    },
    BATCHED,
  );
  bench('chosen: word shingles, scored in the app', async () => void (await findDuplicatesForBatch(db, batch, { visible })), BATCHED);
  bench(
    'pg_trgm: similarity() on each window (lateral join)',
    async () => {
      await queryRows(
        db,
        sql`select w.probe, c.id, c.score from jsonb_to_recordset(${windowsWithSummaries}::jsonb) as w(probe int, country text, day date, summary text)
            cross join lateral (
              select incidents.id, similarity(incidents.summary, w.summary) as score from incidents
              where incidents.country_alpha2 = w.country and incidents.occurred_on between w.day - ${DUPLICATE_WINDOW_DAYS}::int and w.day + ${DUPLICATE_WINDOW_DAYS}::int
                and incidents.merged_into_id is null and incidents.status <> 'rejected' and ${visible}
                and similarity(incidents.summary, w.summary) >= ${TRIGRAM_MIN_SIMILARITY}
              order by score desc, incidents.id limit ${DUPLICATE_LIMIT}) c`,
      );
    },
    BATCHED,
  );
  if (minhashAlso)
    bench(
      'MinHash/LSH: stored signatures (needs a migration)',
      async () => {
        const signatures = batch.map((p) => minhashSignature(p.summary));
        const rows = await queryRows<{ probe: number; id: string; signature: number[] }>(
          db,
          sql`select w.probe, m.id, m.signature from jsonb_to_recordset(${windows}::jsonb) as w(probe int, country text, day date)
              cross join lateral (select id, signature from incident_minhash where country_alpha2 = w.country
                and occurred_on between w.day - ${DUPLICATE_WINDOW_DAYS}::int and w.day + ${DUPLICATE_WINDOW_DAYS}::int offset 0) m`,
        );
        const found = batch.map(() => [] as { id: string; score: number }[]);
        for (const row of rows) {
          const score = minhashSimilarity(signatures[row.probe]!, Int32Array.from(row.signature));
          if (score >= MINHASH_MIN_SIMILARITY) found[row.probe]!.push({ id: row.id, score });
        }
        for (const list of found) list.sort((a, b) => b.score - a.score).splice(DUPLICATE_LIMIT);
      },
      BATCHED,
    );
});
