import { defineConfig } from 'vitest/config';

// Browser journeys against the real processes: one file at a time (they share a database
// name, a Redis database and ports), with timeouts long enough for a cold start.
export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
