import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Mutation testing with StrykerJS (stryker.config.json; this file is its vitest config).
 *
 *   npm run mutation               the four directories one after the other (each prints its score table)
 *   npm run mutation:precise       src/precise      (~15 min on the shared 2-core machine)
 *   npm run mutation:flow          src/flow         (~25 min)
 *   npm run mutation:integrators   src/integrators  (~70 min)
 *   npm run mutation:statements    src/statements
 *   npm run mutation:<dir> -- --mutate 'src/flow/kappa.ts'    one file (Stryker's --mutate replaces the glob)
 * Each run writes reports/mutation/mutation.{json,html}, copied to reports/mutation/<dir>.{json,html}.
 *
 * One run over all four directories (`npx stryker run`) is not practical here: with every directory instrumented
 * the property suites run ~10x slower, the initial test run alone takes minutes (cor-2.2's sanity-mutant test then
 * exceeded vitest's 60 s test timeout), and every mutant in src/flow or src/integrators is covered by nearly every
 * test (the property suites, reports and CLI tests run every solver and statement).
 *
 * NTK_MUTATION_SCOPE (set by the scripts) picks the tests a run may use (default `all`): the unit tests beside the
 * mutated source (and `test/statements/` for statements) plus the property files that state that directory's theory.
 * A mutant killed only by some other suite counts as survived: a scoped score is a lower bound.
 *
 * Left out everywhere: tests that spawn the built CLI (Stryker mutates src/, not dist/), timing contracts
 * (`*.perf.test.ts`: instrumented code is slower by design), and scratch files (`*.tmp.test.ts`).
 *
 * The profile is `quick`, the profile of `npm test`: at the `mutation` profile's 25 runs some sanity mutants
 * (cor-2.2, eq-14, lemma-2.1 at the default seed) are not refuted, so the initial test run fails.
 *
 * vitest.mutation.setup.ts restores perTest coverage, which StrykerJS 9.4 loses on vitest 4.1 (see that file).
 */
const SCOPES = {
  all: [...base.test!.include!],
  precise: ['src/precise/**/*.test.ts', 'src/flow/gradientFlow.precise.test.ts', 'properties/thm-1.3-precise.test.ts'],
  integrators: ['src/integrators/**/*.test.ts', 'src/flow/**/*.test.ts'],
  flow: ['src/flow/**/*.test.ts', 'properties/flow.*.test.ts'],
  statements: ['test/statements/**/*.test.ts', 'properties/**/*.test.ts'],
} as const satisfies Record<string, readonly string[]>;

type Scope = keyof typeof SCOPES;
const scope = process.env.NTK_MUTATION_SCOPE ?? 'all';
if (!(scope in SCOPES)) throw new Error(`NTK_MUTATION_SCOPE=${scope} must be one of ${Object.keys(SCOPES).join(', ')}`);

/**
 * The order that stops a mutant soonest. Stryker runs with bail = 1 and one file at a time, and a static mutant (code
 * run at import: a tableau's coefficients, a statement's readings) reruns every test in scope. So: unit tests before
 * property files, then the files that failed last (the next mutant sits nearby in the code), then the fastest
 * (cached durations; file size before the first run). vitest's own order runs the longest files first.
 */
class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (file: TestSpecification): string => `${file.project.name}:${relative(config.root, file.moduleId)}`;
    const facts = new Map(
      files.map((file) => {
        const result = cache.getFileTestResults(key(file));
        return [
          file,
          {
            property: file.moduleId.includes('/properties/'),
            failed: result?.failed === true,
            duration: result?.duration,
            size: cache.getFileStats(key(file))?.size ?? 0,
          },
        ];
      }),
    );
    return [...files].sort((a, b) => {
      const [fa, fb] = [facts.get(a)!, facts.get(b)!];
      if (fa.property !== fb.property) return fa.property ? 1 : -1;
      if (fa.failed !== fb.failed) return fa.failed ? -1 : 1;
      if (fa.duration !== undefined && fb.duration !== undefined) return fa.duration - fb.duration;
      return fa.size - fb.size;
    });
  }
}

const merged = mergeConfig(
  base,
  defineConfig({
    test: {
      env: { NTK_PROFILE: 'quick' },
      // Stryker switches mutants through module-level state and collects coverage per file: keep files isolated.
      isolate: true,
      setupFiles: ['./vitest.mutation.setup.ts'],
      sequence: { sequencer: FastestFirst },
      exclude: ['test/cli/solve.test.ts', '**/*.perf.test.ts', '**/*.tmp.test.ts', '**/node_modules/**'],
    },
  }),
);

// mergeConfig concatenates arrays, so the scope replaces `include` instead of extending the base list.
export default { ...merged, test: { ...merged.test, include: [...SCOPES[scope as Scope]] } };
