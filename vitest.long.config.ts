// The long reliability suite (tests/long): run by `npm run test:long` and by `npm test` after the
// unit tests. Each run is minutes, not seconds, so it sits apart from the unit suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/long/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
  },
});
