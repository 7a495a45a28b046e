import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../server/db/client';
import { createTestDatabase, type TestDatabase } from '../server/testing/test-database';
import { main } from './main';
import type { CliIo } from './output';

/** Runs the CLI in-process and captures what a user would read. */
async function run(args: string[], env: NodeJS.ProcessEnv, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), interactive: false, env, stdin: async () => stdin };
  const code = await main(['node', 'demarche', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('demarche CLI', () => {
  // On PostgreSQL the CLI works on a fresh database of its own; on PGlite, in a DATA_DIR.
  let env: NodeJS.ProcessEnv;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-cli-'));
    env = { DATA_DIR: dataDir };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => database?.close());

  it('prints help for every command and exits 0', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['db', 'migrate', '--help'], ['db', 'seed', '--help'], ['posts', 'import', '--help']]) {
      const result = await run(args, env);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.out).toContain('Usage: demarche');
    }
    expect((await run(['posts', 'import', '--help'], env)).out).toContain('consulate_general');
  });

  it('is what npm start runs', async () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const command = scripts.start!.replace(/^node bin\/demarche\.js /, '').split(' ');
    const help = await run([...command, '--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: demarche serve');
  });

  it('fails with a one-line reason on an unknown command or bad configuration', async () => {
    const unknown = await run(['frobnicate'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    const badConfig = await run(['db', 'migrate'], { ...env, LOG_LEVEL: 'chatty' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.err).toMatch(/^demarche: Invalid configuration: LOG_LEVEL must be one of/);
  });

  it('migrates, seeds idempotently and imports posts', async () => {
    expect(await run(['db', 'migrate'], env)).toMatchObject({ code: 0, out: 'Database is up to date.' });
    const first = await run(['db', 'seed'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/7 bureaus, 250 countries, \d{3} new posts, \d{2} new TAGS/);
    expect((await run(['db', 'seed'], env)).out).toContain(', 0 new posts, 0 new TAGS');

    const file = path.join(env.DATA_DIR!, 'posts.csv');
    writeFileSync(file, 'code,name,kind,country,city,lat,lon\nmontreal,Consulate General Montreal,consulate_general,CA,Montreal,45.5019,-73.5674\n');
    expect(await run(['posts', 'import', file], env)).toMatchObject({ code: 0, out: `Imported 1 post(s) from ${file}.` });

    const again = await run(['posts', 'import', file], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('nothing was imported');
    expect(again.err).toContain('row 2.code: a post with code "montreal" already exists');

    const missing = await run(['posts', 'import', path.join(env.DATA_DIR!, 'nope.csv')], env);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('no such file') });
  });

  it('creates users from standard input passwords, lists them, and verifies the audit chain', async () => {
    const created = await run(
      ['users', 'create', '--email', 'First.Admin@Example.org', '--name', 'First Admin', '--role', 'admin', '--clearance', 'S', '--password-stdin'],
      env,
      'a long admin passphrase\n',
    );
    expect(created).toMatchObject({ code: 0, out: 'Created admin first.admin@example.org (clearance S).' });
    const officer = await run(
      ['users', 'create', '--email', 'officer@example.org', '--name', 'Officer', '--role', 'officer', '--post', 'berlin', '--password-stdin'],
      env,
      'another long passphrase',
    );
    expect(officer).toMatchObject({ code: 0, out: 'Created officer officer@example.org at berlin (clearance U).' });

    const noStdin = await run(['users', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'admin'], env);
    expect(noStdin).toMatchObject({ code: 1, err: expect.stringContaining('--password-stdin is required') });
    const weak = await run(
      ['users', 'create', '--email', 'y@example.org', '--name', 'Y', '--role', 'officer', '--post', 'atlantis', '--password-stdin'],
      env,
      'short',
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('--password: must be at least 12 characters');
    const badRole = await run(['users', 'create', '--email', 'z@example.org', '--name', 'Z', '--role', 'king', '--password-stdin'], env, 'whatever');
    expect(badRole.code).not.toBe(0);
    expect(badRole.err).toContain('Allowed choices are officer, approver');
    const duplicate = await run(
      ['users', 'create', '--email', 'officer@EXAMPLE.org', '--name', 'Again', '--role', 'hq_analyst', '--password-stdin'],
      env,
      'a third long passphrase',
    );
    expect(duplicate).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });

    const list = await run(['users', 'list'], env);
    expect(list.out.split('\n')).toEqual(
      expect.arrayContaining(['first.admin@example.org\tadmin\t-\tS\tactive', 'officer@example.org\tofficer\tberlin\tU\tactive']),
    );

    const intact = await run(['audit', 'verify'], env);
    expect(intact).toMatchObject({ code: 0, out: expect.stringMatching(/^Audit chain intact: \d+ event\(s\) verified\.$/) });

    // A superuser rewrites history behind Demarche's back.
    let brokenId = '';
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(
          sql`update audit_events set change = jsonb_set(change, '{role}', '"hq_analyst"') where record_type = 'user' and change->>'email' = 'officer@example.org'`,
        );
      });
      const [tampered] = await queryRows<{ id: string }>(database.db, sql`select id::text from audit_events where change->>'email' = 'officer@example.org'`);
      brokenId = tampered!.id;
    } finally {
      await database.close();
    }
    const broken = await run(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(new RegExp(`^demarche: Audit chain broken at event ${brokenId}: its content does not match its hash`));
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('stops at once, saying so, while a server holds the embedded database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-lock-'));
    const holder = await openDatabase({ dataDir });
    try {
      const result = await run(['db', 'seed'], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.err).toContain('is in use by another Demarche process');
    } finally {
      await holder.close();
    }
    expect((await run(['db', 'migrate'], { DATA_DIR: dataDir })).code).toBe(0);
  });
});
