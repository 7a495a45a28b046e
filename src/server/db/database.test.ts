import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TEST_SESSION_SECRET } from '../testing/test-app';
import { queryRows } from './client';
import { migrate } from './migrate';

const expectedDriver = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe(`database on ${expectedDriver}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('applies the migrations again without error or change', async () => {
    const tables = async () =>
      (
        await queryRows<{ table_name: string }>(
          database.db,
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        )
      ).map((row) => row.table_name);
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['bureaus', 'countries', 'posts']));
    await migrate(database);
    await migrate(database);
    expect(await tables()).toEqual(before);
  });

  it('answers health with the driver after a real query', async () => {
    const app = await buildApp({ database, webDir: '/nonexistent', sessionSecret: TEST_SESSION_SECRET });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: expectedDriver });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });

  it('keeps a request id the caller sent', async () => {
    const app = await buildApp({ database, webDir: '/nonexistent', sessionSecret: TEST_SESSION_SECRET });
    const response = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers['x-request-id']).toBe('trace-42');
    await app.close();
  });
});

describe('health when the database is gone', () => {
  it('answers 503 problem+json instead of ok', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, webDir: '/nonexistent', sessionSecret: TEST_SESSION_SECRET });
    await database.close();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 503, title: 'Service unavailable' });
    await app.close();
  });
});
