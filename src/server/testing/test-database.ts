import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';

export interface TestDatabase extends Database {
  /** The connection URL of this test's own PostgreSQL database; undefined on PGlite. */
  url: string | undefined;
}

/**
 * Where the test run's migrated template is (set by template-setup.ts, the unit tests' global
 * setup): a PGlite data folder dump, or the name of a PostgreSQL database to copy.
 */
export const TEMPLATE_ENV = { pglite: 'DEMARCHE_TEST_PGLITE_TEMPLATE', postgres: 'DEMARCHE_TEST_PG_TEMPLATE' } as const;

let pgliteTemplate: Blob | undefined;
function pgliteTemplateDump(): Blob | undefined {
  const file = process.env[TEMPLATE_ENV.pglite];
  if (!file) return undefined;
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  return pgliteTemplate;
}

/**
 * An isolated, migrated database for one test file: an in-memory PGlite by default, or a
 * fresh PostgreSQL database (created and dropped here) when TEST_DATABASE_URL is set.
 *
 * Migrating from scratch takes seconds per file; when the run's global setup has migrated a
 * template, a migrated database starts as a copy of it (then `migrate` confirms there is
 * nothing left to apply). `migrate: false` always starts empty, for upgrade tests.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const fromTemplate = options.migrate !== false;
  let database: TestDatabase;
  if (!adminUrl) {
    const loadDataDir = fromTemplate ? pgliteTemplateDump() : undefined;
    database = { ...(await openDatabase({ dataDir: 'memory://', loadDataDir })), url: undefined };
  } else {
    const name = `demarche_test_${randomBytes(6).toString('hex')}`;
    const template = fromTemplate ? process.env[TEMPLATE_ENV.postgres] : undefined;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(template ? `create database ${name} template ${pg.escapeIdentifier(template)}` : `create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 4 });
    database = {
      ...opened,
      url: url.toString(),
      async close() {
        await opened.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  if (fromTemplate) await migrate(database);
  return database;
}
