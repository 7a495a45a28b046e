import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../env';
import { loggerOptions } from '../main';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TEST_SESSION_SECRET } from '../testing/test-app';

/** The app with a logger at `level` whose lines land in `lines`, parsed. */
async function appLoggingAt(database: TestDatabase, level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({ database, webDir: '/nonexistent', sessionSecret: TEST_SESSION_SECRET, logger: { level, stream } });
  return { app, lines };
}

describe('request log', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('at the default level (info), logs a refused request in one line with its request id, and a successful one not at all', async () => {
    const { app, lines } = await appLoggingAt(database, 'info');
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    expect(ok.statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'caller-chosen-id' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-request-id']).toBe('caller-chosen-id');
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([expect.objectContaining({ level: 30, reqId: 'caller-chosen-id', method: 'GET', url: '/api/v1/me', statusCode: 401 })]);
    await app.close();
  });

  it('at debug, logs every request in one line with its request id', async () => {
    const { app, lines } = await appLoggingAt(database, 'debug');
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([expect.objectContaining({ level: 20, reqId: ok.headers['x-request-id'], url: '/api/health', statusCode: 200 })]);
    await app.close();
  });

  it('never writes a calendar feed’s secret URL, at any level, found or not', async () => {
    const { app, lines } = await appLoggingAt(database, 'trace');
    const secret = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const response = await app.inject({ method: 'GET', url: `/api/calendar/${secret}.ics` });
    expect(response.statusCode).toBe(404);
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([expect.objectContaining({ url: '/api/calendar/:file', statusCode: 404 })]);
    expect(JSON.stringify(lines)).not.toContain(secret);
    await app.close();
  });

  it('writes production logs asynchronously, and readable lines on a terminal', () => {
    const config = loadConfig({ DATA_DIR: 'unused', SESSION_SECRET: TEST_SESSION_SECRET, LOG_LEVEL: 'warn' });
    const production = loggerOptions(config, false);
    expect(production.level).toBe('warn');
    expect(production).toHaveProperty('stream.sync', false);
    expect(loggerOptions(config, true)).toHaveProperty('transport.target', 'pino-pretty');
  });
});
