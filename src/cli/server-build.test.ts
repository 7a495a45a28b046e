import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../server/testing/test-database';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { serverBuildIsStale } from '../../scripts/build-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('bin/demarche.js (npm start, npx demarche)', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it('compiles the server when its build is missing or stale, and runs the compiled code (migrations found from dist/server)', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'demarche-bin-')) };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      env.DATABASE_URL = database.url;
    }
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/demarche.js', 'db', 'migrate'], { cwd: ROOT, env });
    expect(stdout).toContain('Database is up to date.');
    expect(stderr).not.toContain('running the TypeScript sources');
    expect(serverBuildIsStale()).toBe(false);

    // The identifier guard's worker thread is compiled beside cli.js and runs with no TypeScript loader.
    const script = `import { Piscina } from 'piscina';
      const pool = new Piscina({ filename: new URL('./dist/server/guard-worker.js', 'file://${ROOT}/').href });
      console.log(JSON.stringify(await pool.run([{ fields: { summary: 'Witnesses named Hans Müller.' }, allowedNames: [] }])));
      await pool.close();`;
    const guard = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(JSON.parse(guard.stdout)).toEqual([[{ field: 'summary', start: 16, end: 27, text: 'Hans Müller', kind: 'person_name' }]]);
  }, 300_000);
});
