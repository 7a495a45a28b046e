import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';

export interface TestDatabase extends Database {
  /** The connection URL of this test's own PostgreSQL database; undefined on PGlite. */
  url: string | undefined;
}

/**
 * An isolated, migrated database for one test file: an in-memory PGlite by default, or a
 * fresh PostgreSQL database (created and dropped here) when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let database: TestDatabase;
  if (!adminUrl) {
    database = { ...(await openDatabase({ dataDir: 'memory://' })), url: undefined };
  } else {
    const name = `demarche_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
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
  if (options.migrate !== false) await migrate(database);
  return database;
}
