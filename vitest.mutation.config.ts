import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing (npm run mutation): the same suites on the small `mutation` profile, without the tests that
// spawn the built CLI (Stryker mutates sources, not dist/).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { NTK_PROFILE: 'quick' },
      exclude: ['test/cli/solve.test.ts', '**/*.tmp.test.ts', '**/node_modules/**'],
    },
  }),
);
