import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start brokers and PTYs on a 2-core machine: keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
