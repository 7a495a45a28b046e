import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // One migrated database per run, copied by each test file (src/server/testing/template-setup.ts).
    globalSetup: ['src/server/testing/template-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
