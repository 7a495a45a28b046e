import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    pool: 'forks',
    maxWorkers: 1,
    hookTimeout: 300_000,
    testTimeout: 300_000,
  },
});
