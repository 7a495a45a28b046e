import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SYSTEM } from '../../src/server/audit/audit-context';
import { openDatabase, queryRows, type Database } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { createUser } from '../../src/server/identity/create-user';
import { seedReference } from '../../src/server/reference/seed-reference';
import { seedSyntheticEngagements } from '../synthetic-engagements';

/** A database filled once per size and kept between runs (BENCH_FRESH=1 rebuilds it). */
export interface LoadFixture {
  /** Environment for a Demarche process on this database. */
  env: Record<string, string>;
  driver: 'postgres' | 'pglite';
  engagements: number;
  password: string;
  users: { hq: string; officer: string };
  officerPost: string;
  directiveId: string;
}

export const BENCH_PASSWORD = 'correct horse battery staple 42';
const OFFICER_POST = 'berlin';

const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL of TEST_DATABASE_URL (or the default one) answers. */
export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3_000 });
  return client.connect().then(
    () => client.end().then(() => true),
    () => false,
  );
}

export async function prepareFixture(options: { engagements: number; driver: 'postgres' | 'pglite'; fresh?: boolean; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env: Record<string, string> = {};
  let database: Database;
  if (options.driver === 'postgres') {
    const name = `demarche_bench_load_${options.engagements}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && options.fresh) await admin.query(`drop database ${name} with (force)`);
    if (!exists || options.fresh) await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: 'unused', poolSize: 4 });
  } else {
    const dataDir = path.join(tmpdir(), `demarche-bench-load-${options.engagements}`);
    if (options.fresh && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    env.DATA_DIR = dataDir;
    database = await openDatabase({ dataDir });
  }
  try {
    await migrate(database);
    const db = database.db;
    const ready = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from engagements where synthetic`).catch(() => [{ n: -1 }]);
    if (ready[0]?.n !== options.engagements) {
      if ((ready[0]?.n ?? 0) > 0) throw new Error(`The bench database holds ${ready[0]?.n} engagements, not ${options.engagements}: run with BENCH_FRESH=1.`);
      await seedReference(db);
      const make = (role: 'hq_analyst' | 'officer' | 'approver', post: string | null) =>
        createUser(db, { email: `${role}@bench.test`, name: `Bench ${role}`, role, post, bureau: null, clearance: 'S', password: BENCH_PASSWORD }, SYSTEM);
      await make('hq_analyst', null);
      const officer = await make('officer', OFFICER_POST);
      const approver = await make('approver', OFFICER_POST);
      const started = Date.now();
      await seedSyntheticEngagements(db, {
        count: options.engagements,
        draftedBy: officer.id,
        approvedBy: approver.id,
        label: 'load',
        progress: (written) => log(`  synthetic engagements: ${written} / ${options.engagements} (${Math.round((Date.now() - started) / 1000)} s)`),
      });
    }
    const [directive] = await queryRows<{ id: string }>(db, sql`select id from directives where reference = 'SYNTH-LOAD-1'`);
    return {
      env,
      driver: options.driver,
      engagements: options.engagements,
      password: BENCH_PASSWORD,
      users: { hq: 'hq_analyst@bench.test', officer: 'officer@bench.test' },
      officerPost: OFFICER_POST,
      directiveId: directive!.id,
    } satisfies LoadFixture;
  } finally {
    await database.close();
  }
}
