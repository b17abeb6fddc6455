import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingKind } from '../../src/audit/AuditReport.js';

/** Where the example integrators live. */
export const EXAMPLES_DIR = join('examples', 'integrators');

/** What the audit must say about an example. */
export type Expectation =
  | { readonly verdict: 'pass'; readonly order: number }
  | { readonly verdict: 'fail'; readonly findings: readonly FindingKind[]; readonly names: RegExp; readonly isolated?: true }
  | { readonly verdict: 'unusable'; readonly message: RegExp };

/**
 * Every example under examples/integrators and its expected audit: correct ones pass (with their theoretical
 * order), broken ones fail with exactly these finding kinds (at the test seed and size) and a detail matching
 * `names` (the finding that names the problem), unusable ones are rejected with an error matching `message`.
 * `isolated` ones hang or exit: they are audited only under a deadline, in a worker (through the built CLI).
 * Adaptive examples (`adaptive: true`) pass with `order` their claimed order.
 */
export const EXPECTED: Readonly<Record<string, Expectation>> = {
  'euler.ts': { verdict: 'pass', order: 1 },
  'heun.ts': { verdict: 'pass', order: 2 },
  'rk4.ts': { verdict: 'pass', order: 4 },
  'dopri5.ts': { verdict: 'pass', order: 5 },
  'midpoint.js': { verdict: 'pass', order: 2 },
  'ralston3.mjs': { verdict: 'pass', order: 3 },
  'rk4-plain.mjs': { verdict: 'pass', order: 4 },
  'euler-claims-order-2.mjs': { verdict: 'fail', findings: ['order'], names: /below the claimed 2 by more than 0\.3 on 6 of 6 probes.*lowest (0\.9|1\.0)\d/ },
  'heun-wrong-weight.mjs': { verdict: 'fail', findings: ['order'], names: /below the claimed 2 .*lowest (0\.9|1\.0)\d/ },
  'rk4-stage-typo.mjs': { verdict: 'fail', findings: ['order'], names: /below the claimed 4 .*lowest (1\.9|2\.0)\d/ },
  'rk4-frozen-clock.mjs': { verdict: 'fail', findings: ['order', 'stall', 'time-dependence'], names: /evaluates f at the wrong times t/ },
  'midpoint-one-step-short.mjs': { verdict: 'fail', findings: ['order', 'step-count'], names: /returns y\(t1 - h\).*takes steps - 1 steps/ },
  'euler-uninitialized.mjs': { verdict: 'fail', findings: ['non-finite'], names: /non-finite y\(t1\) = \[NaN\] on 6 of 6 probes/ },
  'heun-first-component.mjs': { verdict: 'fail', findings: ['order', 'components'], names: /mixes up the components of y/ },
  'momentum-training-loop.mjs': { verdict: 'fail', findings: ['order', 'stall', 'prop-3.1', 'thm-1.2'], names: /exceeds Prop 3\.1's bound/ },
  'euler-sign-flip.mjs': {
    verdict: 'fail',
    findings: ['order', 'stall', 'loss-increase', 'prop-3.1', 'thm-1.2', 'non-finite'],
    names: /the loss R = .* increases over step 1 .*shrunk to a quadratic flow with n=1, p=1/,
  },
  'rk4-hangs-after-64-steps.mjs': {
    verdict: 'fail',
    findings: ['hangs'],
    names: /hangs: solve\(f, .*, 128\) did not return within the deadline/,
    isolated: true,
  },
  'rk4-exits-mid-solve.mjs': {
    verdict: 'fail',
    findings: ['exits'],
    names: /exits mid-solve: solve\(f, .*, 128\) the subject exited \(exit code 3/,
    isolated: true,
  },
  'rk4-leaks-memory.mjs': { verdict: 'fail', findings: ['crash'], names: /crashes mid-solve: solve\(f, .*, 128\) the worker died: .*memory/, isolated: true },
  'dopri5-adaptive.mjs': { verdict: 'pass', order: 5 },
  'dopri5-squared-norm.mjs': {
    verdict: 'fail',
    findings: ['step-control'],
    names: /controller overreacts: it rejects \d\d% of its step attempts .*error norm missing its square root/,
  },
  'dopri5-never-rejects.mjs': {
    verdict: 'fail',
    findings: ['tolerance', 'step-rejection'],
    names: /never rejects a step whose error estimate exceeds the tolerance\); it reports 0 rejected steps/,
  },
  'dopri5-ignores-atol.mjs': { verdict: 'fail', findings: ['atol'], names: /solve ignores atol: .*the error stays between/ },
  'dopri5-wrong-embedded-weights.mjs': {
    verdict: 'fail',
    findings: ['tolerance', 'error-estimate', 'atol'],
    names: /error estimate is dishonest: .*the estimate vanishes, as when the embedded solution is computed with the weights of the propagated one/,
  },
  'no-default-export.mjs': { verdict: 'unusable', message: /must be a module whose default export is .*\(it has no default export\)/ },
  'returns-a-number.js': { verdict: 'unusable', message: /whose solve returns y\(t1\) as an array of 1 number .*returned number\)/ },
  'solve-throws.mjs': { verdict: 'unusable', message: /whose solve does not throw .*threw Error: TODO: implement solve\)/ },
};

/** The audit subjects in examples/integrators (helpers start with `_`). */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => /\.(m?js|ts)$/.test(f) && !f.startsWith('_'))
    .sort();
}
