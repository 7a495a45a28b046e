import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from './app';
import { queryRows } from './db/client';
import { loadConfig } from './env';
import { seedDemo } from './demo/seed-demo';
import { startServer, type RunningServer } from './main';
import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { TEST_SESSION_SECRET } from './testing/test-app';

describe('server start', () => {
  let server: RunningServer;
  let database: TestDatabase | undefined;
  let firstStartOutput = '';
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-main-'));
    const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, PORT: '1', LOG_LEVEL: 'silent', TRUST_PROXY: '1' };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      env.DATABASE_URL = database.url;
    }
    // Port 0 asks the OS for a free port; the schema wants 1..65535, so override after parsing.
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // As `demarche serve --demo` does: the demo is seeded by the serving process, before it listens.
    server = await startServer({ ...loadConfig(env), port: 0 }, { beforeListen: async ({ db }) => void (await seedDemo(db)) });
    firstStartOutput = printed.mock.calls.map((call) => String(call[0])).join('');
    printed.mockRestore();
  });
  afterAll(async () => {
    await server.stop();
    await database?.close();
  });

  it('migrates, loads reference data and creates the first administrator on first start, then the demo (one administrator)', async () => {
    const admins = await queryRows<{ email: string }>(server.database.db, sql`select email from users where role = 'admin'`);
    expect(admins.map((admin) => admin.email)).toEqual(['admin@demarche.local']);
    const [demo] = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from directives where synthetic`);
    expect(demo?.n).toBe(3);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: database ? 'postgres' : 'pglite' });
    const [posts] = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from posts`);
    expect(posts?.n).toBeGreaterThan(180);
    // The API itself asks for sign-in.
    const berlin = await fetch(`${server.url}/api/v1/posts/berlin`);
    expect(berlin.status).toBe(401);
    expect(berlin.headers.get('content-type')).toContain('application/problem+json');
  });

  it('runs background jobs: a triggered reminders job completes', async () => {
    const id = await server.jobs!.trigger('reminders');
    expect(id).toBeTruthy();
    await expect.poll(async () => (await server.jobs!.boss.getJobById('reminders', id!))?.state, { timeout: 30_000, interval: 250 }).toBe('completed');
  });

  it('prints the first administrator password once, and it signs in', async () => {
    const password = /password: (\S+)/.exec(firstStartOutput)?.[1];
    expect(password).toBeDefined();
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demarche.local', password }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ role: 'admin', email: 'admin@demarche.local' });
  });

  it('takes client addresses from the one trusted proxy (TRUST_PROXY=1)', async () => {
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1, 203.0.113.9' },
      body: JSON.stringify({ email: 'proxied@demarche.test', password: 'guessing-away' }),
    });
    expect(response.status).toBe(401);
    const [event] = await queryRows<{ address: string }>(
      server.database.db,
      sql`select address from audit_events where action = 'session.sign_in_failed' and change->>'email' = 'proxied@demarche.test'`,
    );
    expect(event?.address).toBe('203.0.113.9');
  });
});

describe('web app serving', () => {
  it('serves index.html for client-side routes and static files as they are, but not for the API', async () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'demarche-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Demarche</title><div id="root"></div>');
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const database = await createTestDatabase();
    const app = await buildApp({ database, webDir, sessionSecret: TEST_SESSION_SECRET });
    try {
      for (const url of ['/', '/posts', '/posts?bureau=EUR']) {
        const page = await app.inject({ method: 'GET', url });
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).toContain('<div id="root">');
      }
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.body).toBe('console.log(1)');
      const api = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
