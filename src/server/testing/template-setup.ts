import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { TEMPLATE_ENV } from './test-database';

/**
 * The unit and integration tests' global setup: migrates one database from scratch for the
 * whole run, which each test file's database then copies (createTestDatabase), instead of every
 * file running every migration again. The template is rebuilt on every run, so it is never stale.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    if (database.raw.driver !== 'pglite') throw new Error('expected PGlite');
    const dump = await database.raw.client.dumpDataDir('none');
    await database.close();
    const folder = mkdtempSync(path.join(tmpdir(), 'demarche-template-'));
    const file = path.join(folder, 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[TEMPLATE_ENV.pglite] = file;
    return async () => rmSync(folder, { recursive: true, force: true });
  }
  const name = `demarche_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 2 }); // migrate holds one connection for its lock
  await migrate(database);
  // A template may have no open connection while it is copied.
  await database.close();
  process.env[TEMPLATE_ENV.postgres] = name;
  return async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
}
