import { sql } from 'drizzle-orm';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { SYSTEM } from '../src/server/audit/audit-context';
import { openDatabase, queryRows } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { createUser } from '../src/server/identity/create-user';
import { seedReference } from '../src/server/reference/seed-reference';
import { BENCH_PASSWORD } from './load/fixture';
import { serveDemarche, signIn } from './load/harness';
import { fillSyntheticIncidentRows } from './synthetic-incident-rows';

/**
 * Does a whole export stream with flat memory, and how fast is it against the database's own
 * COPY of the same table (issue 12: "a 1M-row export streamed with flat memory")? For each size,
 * a PostgreSQL database of clearly synthetic incidents (kept between runs per size), Demarche
 * started as `npm start` runs it, and a headquarters analyst downloading every incident they may
 * see as CSV (`GET /api/v1/incidents?format=csv`) while the server's resident memory is sampled
 * every 100 ms; in the same run, `COPY (select … from incidents …) TO STDOUT (FORMAT csv)` of the
 * same columns, read to the end by a client. Three rounds each; min / median / max.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/incident-export.ts
 *   BENCH_EXPORT_SIZES=100000,1000000 (default 100000); BENCH_EXPORT_ROUNDS (default 3)
 */
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`${line}\n`);

async function prepare(size: number): Promise<string> {
  const name = `demarche_bench_export_${size}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 2 });
  try {
    await migrate(database);
    const [stored] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from incidents`);
    if (stored!.n !== size) {
      if (stored!.n > 0) throw new Error(`${name} holds ${stored!.n} incidents, not ${size}: drop it and run again.`);
      await seedReference(database.db);
      const user = (role: 'hq_analyst' | 'officer', post: string | null) =>
        createUser(
          database.db,
          { email: `${role}@bench.test`, name: `Bench ${role}`, role, post, bureau: null, clearance: 'S', password: BENCH_PASSWORD },
          SYSTEM,
        );
      await user('hq_analyst', null);
      const officer = await user('officer', 'berlin');
      const started = Date.now();
      await fillSyntheticIncidentRows(database.db, { from: 0, total: size, draftedBy: officer.id });
      log(`  ${size} synthetic incidents written in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await database.close();
  }
  return url.toString();
}

/** Reads a response to the end, counting bytes and lines, without keeping it. */
async function drain(response: Response): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { bytes, lines };
}

async function rawCopy(url: string): Promise<{ ms: number; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const stream = client.query(
      copyTo(`copy (select i.id, p.code, i.country_alpha2, i.place_name, i.latitude, i.longitude, i.geo_precision, i.occurred_on, i.time_precision,
                      i.category, c.name, i.legal_status, i.status, s.suspect_status, s.reliability, s.url, i.killed, i.injured,
                      i.human_rights_relevant, i.classification, i.synthetic, i.summary
                from incidents i join posts p on p.id = i.post_id join incident_categories c on c.code = i.category
                left join sources s on s.record_type = 'incident' and s.record_id = i.id
                order by i.occurred_on desc, i.id desc) to stdout with (format csv, header)`),
    );
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.byteLength;
    return { ms: performance.now() - started, bytes };
  } finally {
    await client.end();
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};
const triple = (values: number[], digits = 0) => {
  const { min, median, max } = stats(values);
  return [min, median, max].map((value) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })).join(' / ');
};

const lines: string[] = [];
for (const size of SIZES) {
  const url = await prepare(size);
  const app = await serveDemarche({ DATABASE_URL: url });
  try {
    const cookie = await signIn(app.url, 'hq_analyst@bench.test', BENCH_PASSWORD);
    // Warm-up: a filtered export, so that the modules and the first queries are loaded.
    await drain(await fetch(`${app.url}/api/v1/incidents?format=csv&country=DE`, { headers: { cookie } }));
    const exportMs: number[] = [];
    const copyMs: number[] = [];
    const idle: number[] = [];
    const peak: number[] = [];
    const peakHeap: number[] = [];
    let rows = 0;
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      idle.push(await app.rss());
      let top = 0;
      let topHeap = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const memory = await app.memory();
          top = Math.max(top, memory.rss);
          topHeap = Math.max(topHeap, memory.heapUsed + memory.external);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const started = performance.now();
      const response = await fetch(`${app.url}/api/v1/incidents?format=csv`, { headers: { cookie } });
      if (!response.ok) throw new Error(`the export answered ${response.status}: ${await response.text()}`);
      const read = await drain(response);
      exportMs.push(performance.now() - started);
      sampling = false;
      await sampler;
      peak.push(top);
      peakHeap.push(topHeap);
      rows = read.lines - 1;
      bytes = read.bytes;
      const copy = await rawCopy(url);
      copyMs.push(copy.ms);
    }
    const mb = (values: number[]) => values.map((value) => value / 1_048_576);
    const exportRate = rows / (stats(exportMs).median / 1000);
    const copyRate = size / (stats(copyMs).median / 1000);
    lines.push(
      `${size.toLocaleString('en')} incidents stored; the export gave ${rows.toLocaleString('en')} rows (${(bytes / 1_048_576).toFixed(0)} MB) to a headquarters analyst cleared S`,
      `  export, end to end:        ${triple(exportMs)} ms (${Math.round(exportRate).toLocaleString('en')} rows/s)`,
      `  raw COPY … TO STDOUT:      ${triple(copyMs)} ms (${Math.round(copyRate).toLocaleString('en')} rows/s)`,
      `  export rate ÷ raw COPY rate: ${(exportRate / copyRate).toFixed(2)} (medians)`,
      `  server RSS before / peak during the export: ${triple(mb(idle))} MB / ${triple(mb(peak))} MB; peak − before, median ${(stats(peak).median / 1_048_576 - stats(idle).median / 1_048_576).toFixed(0)} MB`,
      `  JavaScript heap in use + buffers, peak during the export: ${triple(mb(peakHeap))} MB`,
    );
  } finally {
    await app.stop();
  }
}
process.stdout.write(`\n${lines.join('\n')}\n`);
