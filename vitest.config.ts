import { defineConfig } from 'vitest/config';

// `npm test` builds dist/ first: the worker pool loads its compiled worker from there.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep the files' worker pools from starving each other.
    maxWorkers: 2,
  },
});
