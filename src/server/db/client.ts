import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { takeTurns } from './query-turns';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverName = 'pglite' | 'postgres';
/** The database or a transaction on it: commands take either, so callers choose the boundary. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  driver: DriverName;
  /** The driver's own handle, for what Drizzle does not cover (advisory locks, COPY). */
  raw: { driver: 'postgres'; pool: pg.Pool } | { driver: 'pglite'; client: PGlite };
  close(): Promise<void>;
}

export class DatabaseInUseError extends Error {
  constructor(public readonly directory: string) {
    super(
      `The embedded database in ${directory} is in use by another Demarche process (a running server?). ` +
        'Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
    );
    this.name = 'DatabaseInUseError';
  }
}

export interface OpenOptions {
  /** A PostgreSQL connection URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** An in-memory PGlite starts as a copy of this data folder (PGlite's dumpDataDir): tests' migrated template. */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server drops (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  // Fail at start-up, not at the first request, when the server is unreachable.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${(error as Error).message}`);
  });
  client.release();
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, driver: 'postgres', raw: { driver: 'postgres', pool }, close: () => pool.end() };
}

/** Extensions the migrations create (pg_trgm, whose similarity() docs/duplicates.md compares); PostgreSQL ships them in contrib. */
const PGLITE_EXTENSIONS = { pg_trgm };

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir === 'memory://') {
    const client = new PGlite({ extensions: PGLITE_EXTENSIONS, ...(loadDataDir ? { loadDataDir } : {}) });
    // PGlite's start-up queries its own types through query(): they must not queue behind the first turn.
    await client.waitReady;
    takeTurns(client);
    const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return { db, driver: 'pglite', raw: { driver: 'pglite', client }, close: () => client.close() };
  }
  const directory = path.join(path.resolve(dataDir), 'pglite');
  mkdirSync(directory, { recursive: true });
  // PGlite is single-process: a second process opening the same folder would corrupt it.
  const release = await lockfile.lock(directory, { stale: 15_000, update: 5_000, realpath: false, retries: 0 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOCKED') throw new DatabaseInUseError(directory);
    throw error;
  });
  let client: PGlite;
  try {
    client = new PGlite(directory, { extensions: PGLITE_EXTENSIONS });
    await client.waitReady;
    takeTurns(client);
  } catch (error) {
    await release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    raw: { driver: 'pglite', client },
    async close() {
      await client.close();
      await release().catch(() => undefined);
    },
  };
}

/** Runs a trivial query, proving the database answers. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
