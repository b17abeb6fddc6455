import { DEFAULT_SEED } from '../check/profile.js';
import { integerInRange, positiveNumber } from '../validate/validators.js';

/** Sizes of an audit. */
export interface AuditOptions {
  /** Seed of every generated case (convergence parameter sets and invariant instances). Default DEFAULT_SEED. */
  readonly seed: number;
  /** Parameter sets of the converse model in the convergence study (x2 probes). Default 3. */
  readonly parameterSets: number;
  /** First and largest step counts of each geometric sweep. Default 4 and 16384. */
  readonly firstSteps: number;
  readonly maxSteps: number;
  /** Generated quadratic instances per invariant run. Default 100. */
  readonly invariantRuns: number;
  /** Wall-clock safety net for shrinking one invariant counterexample (shrinking is bounded by a count first), milliseconds. Default 10 000. */
  readonly shrinkMilliseconds: number;
  /** Deadline of every call into the subject (one solve, or loading it), seconds (`--timeout`). Default 10. */
  readonly timeoutSeconds: number;
  /** Heap limit of a JavaScript subject's worker thread, MB (`resourceLimits.maxOldGenerationSizeMb`). Default 1024. */
  readonly memoryMb: number;
}

/** The defaults: what `ntk-check audit` runs. */
export const DEFAULT_AUDIT: AuditOptions = Object.freeze({
  seed: DEFAULT_SEED,
  parameterSets: 3,
  firstSteps: 4,
  maxSteps: 16_384,
  invariantRuns: 100,
  shrinkMilliseconds: 10_000,
  timeoutSeconds: 10,
  memoryMb: 1024,
});

/** A smaller audit (`--quick`, and the test suite): 2 parameter sets, sweeps to 2048 steps, 15 invariant cases. */
export const QUICK_AUDIT: AuditOptions = Object.freeze({
  ...DEFAULT_AUDIT,
  parameterSets: 2,
  maxSteps: 2_048,
  invariantRuns: 15,
});

/** Checked options: `partial` over the defaults (NtkInputError naming the field otherwise). */
export function readAuditOptions(partial: Partial<AuditOptions> = {}): AuditOptions {
  const o = { ...DEFAULT_AUDIT, ...partial };
  return {
    seed: integerInRange('seed', o.seed, 0, 2_147_483_647),
    parameterSets: integerInRange('parameterSets', o.parameterSets, 1, 100),
    firstSteps: integerInRange('firstSteps', o.firstSteps, 1, 1e6),
    maxSteps: integerInRange('maxSteps', o.maxSteps, o.firstSteps, 1e9),
    invariantRuns: integerInRange('invariantRuns', o.invariantRuns, 1, 1e6),
    shrinkMilliseconds: integerInRange('shrinkMilliseconds', o.shrinkMilliseconds, 0, 1e9),
    timeoutSeconds: positiveNumber('timeoutSeconds', o.timeoutSeconds),
    memoryMb: integerInRange('memoryMb', o.memoryMb, 16, 65_536),
  };
}
