import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { seedReference } from '../reference/seed-reference';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole app on an isolated database with reference data loaded. */
export async function createTestApp(options: { seed?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedReference(database.db);
  const app = await buildApp({ database, webDir: '/nonexistent' });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
