import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client';
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

/** A fresh database for the CLI: a DATA_DIR on PGlite, a database of its own on PostgreSQL. */
async function freshEnv(databases: TestDatabase[]): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'demarche-cli-audit-')) };
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    env.DATABASE_URL = database.url;
  }
  return env;
}

describe('demarche audit head and verify --head', () => {
  const databases: TestDatabase[] = [];
  let env: NodeJS.ProcessEnv;
  const createUser = (email: string) =>
    run(['users', 'create', '--email', email, '--name', 'Someone', '--role', 'hq_analyst', '--password-stdin'], env, 'a long enough passphrase');
  beforeAll(async () => {
    env = await freshEnv(databases);
    expect((await createUser('first@example.org')).code).toBe(0);
  });
  afterAll(async () => Promise.all(databases.map((database) => database.close())));

  it('prints the newest event as SEQ:HASH, and verify accepts it then and after more events', async () => {
    const head = await run(['audit', 'head'], env);
    expect(head).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+:[0-9a-f]{64}$/) });
    const seq = head.out.split(':')[0];
    expect(await run(['audit', 'verify', '--head', head.out], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(new RegExp(`^Audit chain intact: \\d+ event\\(s\\) verified; event ${seq} has the kept hash\\.$`)),
    });
    expect((await createUser('second@example.org')).code).toBe(0);
    expect((await run(['audit', 'head'], env)).out).not.toBe(head.out);
    expect((await run(['audit', 'verify', '--head', head.out], env)).code).toBe(0);
  });

  it('exits 1 naming what is wrong with a head that is not SEQ:HASH', async () => {
    for (const [argument, problem] of [
      ['latest', 'expected SEQ:HASH as printed by "demarche audit head"'],
      ['12:abc', 'the hash must be the 64 hexadecimal digits of a SHA-256, got "abc"'],
      [`x:${'0'.repeat(64)}`, '"x" is not an event sequence number (a whole number from 1)'],
    ] as const) {
      const result = await run(['audit', 'verify', '--head', argument], env);
      expect(result.code, argument).toBe(1);
      expect(result.err, argument).toContain(`option '--head <SEQ:HASH>' argument '${argument}' is invalid. ${problem}`);
      expect(result.err, argument).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 when events up to the kept head were deleted, which verify alone does not see', async () => {
    const kept = (await run(['audit', 'head'], env)).out;
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_events where id = (select max(id) from audit_events)`);
      });
    } finally {
      await database.close();
    }
    const newest = (await run(['audit', 'head'], env)).out;
    expect((await run(['audit', 'verify'], env)).code).toBe(0);
    const result = await run(['audit', 'verify', '--head', kept], env);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `demarche: Audit chain does not hold the kept head ${kept}: the trail ends at event ${newest.split(':')[0]}: ` +
        `the events after it, up to ${kept.split(':')[0]}, were removed (or the head comes from another database).`,
    );
  });

  it('says so when the trail has no events yet', async () => {
    const empty = await freshEnv(databases);
    expect(await run(['audit', 'head'], empty)).toMatchObject({ code: 1, err: 'demarche: The audit trail is empty: there is no head yet.' });
  });
});
