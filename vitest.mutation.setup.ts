import { afterAll, inject } from 'vitest';

/**
 * Bridge for StrykerJS 9.4's vitest runner on vitest >= 4.1 (stryker-js#5928): Stryker's own setup file stores the
 * per-test coverage (dry run) and the hit count (mutant runs) with `afterAll((suite) => { suite.meta... = ... })`,
 * but vitest 4.1 passes the hook's fixture context first and the suite second. The data lands on the context, the
 * runner reads nothing, and Stryker falls back to running every test against every mutant (no perTest coverage, no
 * "no coverage" status, no hit-limit timeouts). This hook, registered after Stryker's (hooks run in stack order, so it
 * runs first), writes the same values onto the file suite. Outside Stryker (`globalNamespace` not provided) it does
 * nothing.
 */
interface StrykerGlobal {
  mutantCoverage?: unknown;
  hitCount?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    globalNamespace: string;
    mode: 'dry-run' | 'mutant';
  }
}

const namespace = inject('globalNamespace');
if (namespace !== undefined) {
  const mode = inject('mode');
  // biome-ignore lint/correctness/noEmptyPattern: Vitest requires a destructuring pattern for the fixture argument of a hook.
  afterAll(({}, suite) => {
    const ns = (globalThis as unknown as Record<string, StrykerGlobal | undefined>)[namespace];
    const meta = suite.meta as Record<string, unknown>;
    if (mode === 'mutant') meta.hitCount = ns?.hitCount;
    else meta.mutantCoverage = ns?.mutantCoverage;
  });
}
