import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, bench, describe } from 'vitest';
import { SYSTEM } from '../src/server/audit/audit-context';
import { loadActor } from '../src/server/identity/actor';
import { createUser } from '../src/server/identity/create-user';
import { prepareIncident } from '../src/server/incidents/create-incident';
import { checkIncidentText } from '../src/server/incidents/identifier-guard/identifier-guard';
import { importIncidents } from '../src/server/incidents/import/import-incidents';
import { parseIncidentFile } from '../src/server/incidents/import/parse-incident-file';
import { type Cell, copyText, stagedRows } from '../src/server/incidents/import/staging';
import { writeIncidents } from '../src/server/incidents/import/write-incidents';
import { loadIncidentReferenceData } from '../src/server/incidents/validate-incident';
import { seedReference } from '../src/server/reference/seed-reference';
import { createTestDatabase } from '../src/server/testing/test-database';
import { syntheticIncidents, syntheticIncidentsCsv } from './synthetic-incidents';

/**
 * What the bulk import costs against the least the database must do to store the same rows:
 * a raw COPY of them, ids made beforehand and no check at all, into the same four tables
 * (incidents, sources, incident_legal_statuses, record_activity) of the same database, in the
 * same run. Three runs of each on emptied tables; the summary printed at the end gives
 * min/median/max and the ratios (import rate ÷ raw COPY rate). docs/incident-import.md has
 * the figures and the command.
 *
 * TEST_DATABASE_URL: PostgreSQL (default 10,000 rows), else PGlite in memory (2,000 rows);
 * DEMARCHE_BENCH_IMPORT_ROWS: rows per run; DEMARCHE_BENCH_RUNS: runs of each (3). On a busy machine the
 * minimum is the better estimate of what each costs alone: both ratios are printed.
 */
const ROWS = Number(process.env.DEMARCHE_BENCH_IMPORT_ROWS ?? (process.env.TEST_DATABASE_URL ? 10_000 : 2_000));
const RUNS = Number(process.env.DEMARCHE_BENCH_RUNS ?? 3);

const database = await createTestDatabase();
afterAll(async () => database.close());
const db = database.db;
await seedReference(db);
const user = await createUser(
  db,
  { email: 'importer@bench.test', name: 'Bench importer', role: 'officer', post: 'berlin', bureau: null, clearance: 'S', password: 'bench passphrase 1' },
  SYSTEM,
);
const actor = (await loadActor(db, user.id))!;
const context = { ...SYSTEM, actor: { id: actor.id, email: actor.email } };
const csv = syntheticIncidentsCsv(syntheticIncidents({ count: ROWS, post: 'berlin' }));

// The rows once checked, for the write alone and for the raw COPY (the same rows, ids and all).
const reference = await loadIncidentReferenceData(db);
const prepared = await Promise.all(parseIncidentFile(csv, 'csv').map((row) => prepareIncident(db, actor, row.input, { reference })));
const staged = stagedRows(prepared);
const withActor = (rows: Cell[][]) => rows.map((row) => [...row, actor.id]);
const RAW_TABLES: [string, string, Cell[][]][] = [
  [
    'incidents',
    'id, post_id, country_alpha2, place_name, latitude, longitude, geo_precision, occurred_on, time_precision, category, summary, killed, injured, human_rights_relevant, classification, legal_status, allowed_names, external_id, synthetic, drafted_by',
    withActor(staged.incidents),
  ],
  [
    'sources',
    'id, record_id, record_type, url, outlet, published_on, language, source_type, reliability, credibility, suspect_status, added_by',
    // The staged row's third cell is the order given, which sources keep as their insertion order.
    staged.sources.map((row) => [row[0]!, row[1]!, 'incident', ...row.slice(3), actor.id]),
  ],
  ['incident_legal_statuses', 'incident_id, status, effective_on, source_id, recorded_by', withActor(staged.legalStatuses)],
  ['record_activity', 'record_type, record_id, actor_id, kind', staged.incidents.map((row) => ['incident', row[0]!, actor.id, 'created'])],
];

async function rawCopy(): Promise<void> {
  if (database.raw.driver === 'postgres') {
    const client = await database.raw.pool.connect();
    try {
      await client.query('begin');
      for (const [table, columns, rows] of RAW_TABLES) {
        await pipeline(Readable.from([copyText(rows)]), client.query(copyFrom(`copy ${table} (${columns}) from stdin`)));
      }
      await client.query('commit');
    } finally {
      client.release();
    }
    return;
  }
  const client = database.raw.client;
  await client.transaction(async (tx) => {
    for (const [table, columns, rows] of RAW_TABLES) {
      await tx.query(`copy ${table} (${columns}) from '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    }
  });
}

const emptyTables = () => db.execute(sql`truncate incidents, sources, record_activity cascade`);

// Load the guard's language models and warm the code paths before anything is timed.
checkIncidentText({ summary: 'Synthetic report: a warm-up sentence near the station of Kellburg.' }, []);
await importIncidents(database, parseIncidentFile(syntheticIncidentsCsv(syntheticIncidents({ count: 50, seed: 7, externalIdPrefix: 'warm-' })), 'csv'), {
  actor,
  context,
});
await rawCopy();
await emptyTables();

const timings: Record<string, number[]> = { raw: [], import: [], check: [], write: [] };
const OPTIONS = { iterations: RUNS, time: 0, warmupIterations: 0, warmupTime: 0, throws: true };

describe(`importing ${ROWS.toLocaleString('en')} synthetic incidents (${database.driver})`, () => {
  bench(
    'raw COPY of the same rows into the same tables (no checks)',
    async () => {
      await emptyTables();
      const started = performance.now();
      await rawCopy();
      timings.raw!.push(performance.now() - started);
    },
    OPTIONS,
  );
  bench(
    'importIncidents: parse the CSV, check every row, duplicates, write',
    async () => {
      await emptyTables();
      const started = performance.now();
      let checked = started;
      const report = await importIncidents(database, parseIncidentFile(csv, 'csv'), {
        actor,
        context,
        onProgress: ({ phase, done, total }) => {
          if (phase === 'checking' && done === total) checked = performance.now();
        },
      });
      if (report.created !== ROWS) throw new Error(`imported ${report.created} of ${ROWS}: ${JSON.stringify(report.errors.slice(0, 3))}`);
      timings.import!.push(performance.now() - started);
      timings.check!.push(checked - started);
    },
    OPTIONS,
  );
  bench(
    'writeIncidents alone (rows checked beforehand): staging COPY + INSERT … SELECT',
    async () => {
      await emptyTables();
      const started = performance.now();
      await writeIncidents(database, prepared, { actor, context });
      timings.write!.push(performance.now() - started);
    },
    OPTIONS,
  );
});

afterAll(() => {
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
  };
  const line = (name: string, values: number[]) => {
    const { min, median, max } = stats(values);
    const rate = Math.round((ROWS / median) * 1000);
    return `${name.padEnd(34)} ${min.toFixed(0).padStart(7)} ${median.toFixed(0).padStart(7)} ${max.toFixed(0).padStart(7)} ms   ${rate.toLocaleString('en').padStart(9)} rows/s`;
  };
  const ratio = (a: number[], b: number[], of: 'min' | 'median') => (stats(b)[of] / stats(a)[of]).toFixed(2);
  console.log(
    [
      `\n${ROWS.toLocaleString('en')} rows on ${database.driver}, ${RUNS} runs each (min / median / max):`,
      line('raw COPY', timings.raw!),
      line('importIncidents (end to end)', timings.import!),
      line('  of which parse + checking rows', timings.check!),
      line('writeIncidents alone', timings.write!),
      `import rate ÷ raw COPY rate: ${ratio(timings.import!, timings.raw!, 'median')} of the medians, ${ratio(timings.import!, timings.raw!, 'min')} of the minima`,
      `write alone ÷ raw COPY:      ${ratio(timings.write!, timings.raw!, 'median')} of the medians, ${ratio(timings.write!, timings.raw!, 'min')} of the minima`,
    ].join('\n'),
  );
});
