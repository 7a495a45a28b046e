import { sql } from 'drizzle-orm';
import { afterAll, bench, describe } from 'vitest';
import { SYSTEM } from '../src/server/audit/audit-context';
import { cadenceReport } from '../src/server/cadence/cadence-report';
import { directiveCoverage } from '../src/server/cadence/coverage-queries';
import { queryRows } from '../src/server/db/client';
import { loadActor } from '../src/server/identity/actor';
import { createUser } from '../src/server/identity/create-user';
import { seedReference } from '../src/server/reference/seed-reference';
import { buildIssuedDirective } from '../src/server/testing/builders';
import { createTestDatabase } from '../src/server/testing/test-database';

/**
 * Whether the cadence dashboard and the talking-point coverage stay flat as engagements
 * grow. The table is filled in steps (10k, then 100k; 1M with
 * BENCH_ENGAGEMENT_SIZES=10000,100000,1000000) with clearly synthetic engagements at every
 * post over two years, all statuses and markings, linked to one or two of three issued
 * directives, three points delivered each. At each size the same requests are timed against a
 * raw page of the same table, and against the query the dashboard ran before the facts (the
 * latest counting engagement per directive and post, scanned from the engagements). The write
 * side is timed too: approving one engagement (and taking it back) with the facts' triggers
 * against the same update with them disabled.
 *
 * TEST_DATABASE_URL: PostgreSQL, else PGlite in memory.
 */
const SIZES = (process.env.BENCH_ENGAGEMENT_SIZES ?? '10000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.DEMARCHE_BENCH_RUNS ?? 20);

const database = await createTestDatabase();
afterAll(async () => database.close());
const db = database.db;
await seedReference(db);
const make = async (role: 'hq_analyst' | 'bureau_analyst' | 'officer', extra: { post?: string; bureau?: 'EUR' } = {}) => {
  const user = await createUser(
    db,
    { email: `${role}@bench.test`, name: role, role, post: extra.post ?? null, bureau: extra.bureau ?? null, clearance: 'C', password: 'bench passphrase 1' },
    SYSTEM,
  );
  return (await loadActor(db, user.id))!;
};
const hq = await make('hq_analyst');
const analyst = await make('bureau_analyst', { bureau: 'EUR' });
const officer = await make('officer', { post: 'berlin' });
const allPosts = (await queryRows<{ code: string }>(db, sql`select code from posts order by code`)).map((post) => post.code);
const DAY = 86_400_000;
const directives = [
  await buildIssuedDirective(db, {
    actionPosts: allPosts,
    cadenceDays: 30,
    issuedAt: new Date(Date.now() - 700 * DAY),
    points: [{ text: 'A' }, { text: 'B' }, { text: 'C' }],
  }),
  await buildIssuedDirective(db, {
    actionPosts: allPosts,
    cadenceDays: 60,
    issuedAt: new Date(Date.now() - 365 * DAY),
    points: [{ text: 'D' }, { text: 'E' }, { text: 'F' }],
  }),
  await buildIssuedDirective(db, {
    actionPosts: allPosts,
    cadenceDays: 14,
    issuedAt: new Date(Date.now() - 90 * DAY),
    points: [{ text: 'G' }, { text: 'H' }, { text: 'I' }],
  }),
];
const directiveIds = sql`array[${sql.join(
  directives.map((directive) => sql`${directive.id}::uuid`),
  sql`, `,
)}]`;

/** Adds engagements up to `total` in statements of 100k: engagement, its links and its three delivered points in one statement each. */
async function growTo(total: number, from: number): Promise<void> {
  const step = 100_000;
  for (let start = from; start < total; start += step) {
    const end = Math.min(total, start + step);
    await db.execute(sql`
      with made as (
        insert into engagements (post_id, occurred_at, kind, classification, status, drafted_by, synthetic)
        select p.id, now() - ((g::bigint * 7919) % (730 * 24)) * interval '1 hour', 'meeting',
               (array['U','SBU','C','S'])[1 + g % 4], (array['draft','submitted','approved','approved','approved'])[1 + (g / 4) % 5],
               ${officer.id}, true
        from generate_series(${start + 1}::int, ${end}::int) g
        join (select id, row_number() over (order by code) - 1 as n, count(*) over () as total from posts) p on p.n = g % p.total
        returning id
      ), numbered as (
        select id, row_number() over () as g from made
      ), linked as (
        insert into engagement_directives (engagement_id, directive_id)
        select n.id, (${directiveIds})[1 + (n.g + k) % 3] from numbered n cross join generate_series(0, 1) k where k = 0 or n.g % 5 = 0
        returning engagement_id, directive_id
      )
      insert into engagement_points (engagement_id, talking_point_id, delivered, reception)
      select l.engagement_id, tp.id, true, (array['receptive','noncommittal','disagreed',null])[1 + abs(hashtext(l.engagement_id::text || tp.number)) % 4]
      from linked l join talking_points tp on tp.directive_id = l.directive_id`);
  }
  await db.execute(sql`analyze`);
}

const submitted = async () =>
  (await queryRows<{ id: string }>(db, sql`select id from engagements where status = 'submitted' order by occurred_at desc limit 1`))[0]!.id;

type Timed =
  | 'raw page of engagements'
  | 'before: latest per directive and post, scanned'
  | 'HQ cadence, one directive'
  | 'HQ cadence, all directives'
  | 'bureau analyst cadence'
  | 'officer cadence'
  | 'HQ coverage'
  | 'officer coverage'
  | 'approve and take back, facts kept'
  | 'approve and take back, no triggers';
const now = () => new Date();
const approveAndBack = async () => {
  const id = await submitted();
  await db.execute(sql`update engagements set status = 'approved' where id = ${id}`);
  await db.execute(sql`update engagements set status = 'submitted' where id = ${id}`);
};
const REQUESTS: Record<Timed, () => Promise<unknown>> = {
  'raw page of engagements': () => queryRows(db, sql`select * from engagements order by occurred_at desc, id desc limit 51`),
  'before: latest per directive and post, scanned': () =>
    queryRows(
      db,
      sql`select ed.directive_id, e.post_id, max(e.occurred_at) from engagements e
          join engagement_directives ed on ed.engagement_id = e.id join directives d on d.id = ed.directive_id
          where e.status = 'approved' and e.classification in ('U','SBU','C')
            and e.occurred_at >= date_trunc('day', d.issued_at at time zone 'UTC') at time zone 'UTC' and e.occurred_at <= now()
          group by 1, 2`,
    ),
  'HQ cadence, one directive': () => cadenceReport(db, hq, { directive: directives[0]!.id, weeks: 12 }, now()),
  'HQ cadence, all directives': () => cadenceReport(db, hq, { weeks: 12 }, now()),
  'bureau analyst cadence': () => cadenceReport(db, analyst, { directive: directives[0]!.id, weeks: 12 }, now()),
  'officer cadence': () => cadenceReport(db, officer, { weeks: 12 }, now()),
  'HQ coverage': () => directiveCoverage(db, hq, directives[0]!.id),
  'officer coverage': () => directiveCoverage(db, officer, directives[0]!.id),
  'approve and take back, facts kept': approveAndBack,
  'approve and take back, no triggers': async () => {
    await db.execute(sql`alter table engagements disable trigger user`);
    try {
      await approveAndBack();
    } finally {
      await db.execute(sql`alter table engagements enable trigger user`);
    }
  },
};

const results = new Map<number, { timings: Record<Timed, number[]>; fillSeconds: number }>();
let stored = 0;
for (const size of SIZES) {
  const started = performance.now();
  await growTo(size, stored);
  const fillSeconds = (performance.now() - started) / 1000;
  stored = size;
  const timings = Object.fromEntries(Object.keys(REQUESTS).map((name) => [name, [] as number[]])) as unknown as Record<Timed, number[]>;
  for (const request of Object.values(REQUESTS)) await request(); // warm
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, request] of Object.entries(REQUESTS) as [Timed, () => Promise<unknown>][]) {
      const begun = performance.now();
      await request();
      timings[name].push(performance.now() - begun);
    }
  }
  results.set(size, { timings, fillSeconds });
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
    max: sorted[sorted.length - 1]!,
  };
};

describe(`cadence and coverage as engagements grow (${database.driver}: ${SIZES.map((size) => size.toLocaleString('en')).join(', ')})`, () => {
  // The timings above are the measurement; this prints them (vitest bench needs one bench to report).
  bench(
    'summary',
    () => {
      const smallest = results.get(SIZES[0]!)!.timings;
      const largest = results.get(SIZES[SIZES.length - 1]!)!.timings;
      const lines = [
        `${ROUNDS} rounds per size on ${database.driver}, ${allPosts.length} posts (ms, min / median / p95 / max; × raw = median ÷ raw page median):`,
      ];
      for (const [size, { timings, fillSeconds }] of results) {
        const raw = stats(timings['raw page of engagements']).median;
        lines.push(`${size.toLocaleString('en')} engagements (filled in ${fillSeconds.toFixed(1)} s, triggers included)`);
        for (const [name, values] of Object.entries(timings) as [Timed, number[]][]) {
          const s = stats(values);
          lines.push(
            `  ${name.padEnd(48)} ${[s.min, s.median, s.p95, s.max].map((value) => value.toFixed(1).padStart(7)).join(' ')}   × raw ${(s.median / raw).toFixed(1)}`,
          );
        }
      }
      lines.push(`growth of the median from ${SIZES[0]!.toLocaleString('en')} to ${SIZES[SIZES.length - 1]!.toLocaleString('en')} engagements (1.0 = flat):`);
      for (const name of Object.keys(REQUESTS) as Timed[]) {
        lines.push(`  ${name.padEnd(48)} ${(stats(largest[name]).median / stats(smallest[name]).median).toFixed(2)}`);
      }
      console.log(lines.join('\n'));
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
