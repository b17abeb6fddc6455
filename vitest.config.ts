import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'properties/**/*.test.ts', 'arbitraries/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    // One module graph per worker, shared by the files it runs (measured: the suite in 56 s instead of 106 s; the
    // import of the library is most of a small file's time). No test mutates module state, mocks or stubs env.
    isolate: false,
    // Two workers on the 2-core machine (vitest's default is one fewer than the cores): the audit, packaging and CLI
    // tests spend most of their time waiting on child processes, worker threads and deadlines, and overlap with the
    // CPU-bound property suites.
    maxWorkers: 2,
    setupFiles: ['./vitest.setup.ts'],
  },
});
