import { branchKeys } from '../statements/branchKeys.js';
import fc from 'fast-check';
import { NtkInternalError } from '../errors/NtkInternalError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { replayCases } from './replayCases.js';
import { shrinkBudgeted } from './shrinkBudgeted.js';
import { loadWorstCases, type WorstCaseDb } from '../io/worstCaseDb.js';
import type { GeneratorSize } from '../../arbitraries/horizons.js';
import type { Bound, Measured, Reading, Statement } from '../statements/Statement.js';
import { NtkError } from '../errors/NtkError.js';
import { isUndecided, judge, recheck, type Decision } from './judge.js';

/** A shrunk counterexample must still violate by 10x its uncertainty and by a ratio of 1.001 (or more). */
const SHRINK_MARGIN_FACTOR = 10;
const SHRINK_MIN_RATIO = 1.001;

/** Near-equality passes recorded (described) per check; all of them are counted. */
const MAX_RECORDED_NEAR_EQUALITIES = 8;

/** Options of {@link checkReading}. */
export interface CheckOptions<C> {
  /** fast-check runs (generated cases). */
  readonly runs: number;
  readonly seed: number;
  /**
   * Evaluations allowed while shrinking a counterexample; after them the best shrink so far is kept. A count, not
   * a clock, so a seed gives the same counterexample on any machine under any load.
   */
  readonly shrinkEvaluations: number;
  /** The generators' size (the profile's: the flow generators' longest horizon). Default the generators' own. */
  readonly size?: GeneratorSize;
  /** Cases replayed before any generated one (the counterexample database). */
  readonly examples?: readonly C[];
  /**
   * The worst-case database whose entry for this reading is replayed right after `examples`, before every
   * generated case. Default: the shipped properties/worst-cases.json (`ntk-check search --all --write --db properties/worst-cases.json`);
   * false: none.
   */
  readonly worstCases?: WorstCaseDb | false;
  /**
   * Replay one case: the fast-check path (over the generated cases alone, as {@link Counterexample} gives it) of
   * the case to judge under `seed`. Only that case is judged — no database cases, no shrinking — so a replayed
   * counterexample comes back exactly as it was printed, in one run.
   */
  readonly path?: string;
  /**
   * Where each of `examples` came from, when known (a committed counterexample: the seed and path that generate
   * it): a counterexample that is such an example, unshrunk, is reported with that seed and path.
   */
  readonly exampleOrigins?: readonly (ReplayPoint | undefined)[];
}

/** A case of a fast-check run: its seed and its path over the generated cases (no database cases first). */
export interface ReplayPoint {
  readonly seed: number;
  readonly path: string;
}

/** A near-equality pass (ratio > 0.99), re-checked like a violation (tighter re-solve, decimal reference). */
export interface NearEqualityRecord {
  readonly case: unknown;
  readonly ratio: number;
  /** The pass exceeded its uncertainty (and the reference, when there is one, passed as well). */
  readonly confirmed: boolean;
  readonly uncertainty: number;
}

/**
 * A certified, shrunk counterexample: enough to replay it (case, seed, path) and to judge it (sides, margin).
 * `seed` and `path` replay it with `checkReading(..., { seed, path })` (`ntk-check check ID --reading R --seed S
 * --path P`), unless `example` is set.
 */
export interface Counterexample {
  readonly case: unknown;
  readonly bound: Bound;
  readonly ratio: number;
  /** Violation at the tight measurement, and the error it beats. */
  readonly margin: number;
  readonly uncertainty: number;
  /**
   * The method that certified it: the decimal reference (method, digits, a posteriori error bound) whenever the case
   * has one — every final counterexample is re-judged by it — else the float methods (working, tight, second order).
   */
  readonly certifiedBy: Decision;
  readonly seed: number;
  readonly path: string;
  /**
   * Set when the counterexample is the `example`-th database case replayed before the generated ones and no seed
   * and path are known to generate it (a worst case of the targeted search): `seed` and `path` then do not
   * replay it; the check with the same databases does.
   */
  readonly example?: number;
}

/** Counts over the executed cases. */
export interface CheckStats {
  readonly runs: number;
  /** Cases outside the hypothesis (fast-check preconditions). */
  readonly discarded: number;
  /** Cases whose solve failed (step budget, non-finite): never counted as evidence either way. */
  readonly unsolved: number;
  /** Violations within the measurement error: neither a pass nor a counterexample. */
  readonly uncertain: number;
  /**
   * Cases that ended neither a pass nor a certified violation after every method the case has (the uncertain
   * violations and the unconfirmed passes). A reading expected to hold fails its check while any remains.
   */
  readonly undecided: number;
  /** Near-equality passes (ratio > 0.99) among the generated cases, and how many of them were not confirmed. */
  readonly nearEqualities: number;
  readonly unconfirmedPasses: number;
  /** The first few near-equality passes, described (unconfirmed ones first). */
  readonly nearEqualityCases: readonly NearEqualityRecord[];
  /** Largest tightness ratio over the generated cases (passes, certified violations and undecided cases; not the shrink steps). */
  readonly worstRatio: number;
  readonly worstCase?: unknown;
  /** Largest tightness ratio per active branch of the bound ('none' for a bound without a min), keys sorted. */
  readonly worstRatioByBranch: Readonly<Record<string, number>>;
  /** True when the worst ratio is that of an undecided case (no method could settle it). */
  readonly worstUndecided: boolean;
  /** label -> value -> count (model family, kappa regime, active branch, ...). */
  readonly coverage: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Result of checking a reading: a discriminated union carrying the seed, so every failure replays. 'undecided': no
 * certified counterexample, but some cases could not be settled (`undecided` > 0), so the reading is not shown to hold.
 */
export type CheckResult = CheckStats & { readonly seed: number } & (
    | { readonly verdict: 'holds' }
    | { readonly verdict: 'undecided' }
    | { readonly verdict: 'refuted'; readonly counterexample: Counterexample }
  );

/** Keep at most MAX_RECORDED_NEAR_EQUALITIES records, unconfirmed ones in preference. */
function recordNearEquality(near: NearEqualityRecord[], record: NearEqualityRecord): void {
  if (near.length < MAX_RECORDED_NEAR_EQUALITIES) near.push(record);
  else if (!record.confirmed) {
    const i = near.findIndex((r) => r.confirmed);
    if (i >= 0) near[i] = record;
  }
}

/**
 * Run one reading of a statement over its generator with fast-check: a case fails only on a certified
 * violation; the failing case is shrunk (within an evaluation budget) and re-judged by every method it has, the
 * decimal reference included (an internal NtkError if the reference contradicts the floats). Every case ends a
 * pass, a certified violation or undecided; undecided cases are counted, enter the worst ratio (marked), and make
 * the verdict 'undecided' when no counterexample refutes the reading.
 */
export function checkReading<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: CheckOptions<C>): CheckResult {
  let discarded = 0;
  let unsolved = 0;
  let uncertain = 0;
  let undecided = 0;
  let worstUndecided = false;
  const near: NearEqualityRecord[] = [];
  let nearEqualities = 0;
  let unconfirmedPasses = 0;
  let worstRatio = 0;
  let worstCase: unknown;
  const worstByBranch: Record<string, number> = {};
  const coverage: Record<string, Record<string, number>> = {};
  let shrinking = false;
  let shrinkEvaluations = 0;
  let evaluations = 0;
  const replaying = options.path !== undefined;
  let last: { c: C; outcome: ReturnType<typeof judge> } | undefined;

  const predicate = (c: C): boolean => {
    if (replaying && ++evaluations > 1) return true; // a replay judges the case at its path alone
    if (shrinking && ++shrinkEvaluations > options.shrinkEvaluations) return true; // budget spent: keep the best shrink
    if (!statement.applies(c)) {
      discarded++;
      fc.pre(false);
    }
    let measured: Measured<M>;
    try {
      measured = statement.measure(c);
    } catch (error) {
      if (!(error instanceof NtkSolveError)) throw error;
      unsolved++;
      return true;
    }
    // While shrinking, the floats alone decide (only clear violations are kept); the final one meets the reference.
    const outcome = judge(statement.relation, reading, measured, !shrinking);
    if (!shrinking && outcome.status === 'pass' && outcome.nearEquality !== undefined) {
      const { confirmed, uncertainty } = outcome.nearEquality;
      nearEqualities++;
      if (!confirmed) unconfirmedPasses++;
      recordNearEquality(near, { case: statement.describe(c), ratio: outcome.ratio, confirmed, uncertainty });
    }
    if (!shrinking) {
      const labels = { ...statement.labels(c, measured.tight), branch: outcome.bound.branch ?? 'none' };
      for (const [key, value] of Object.entries(labels)) {
        const counts = coverage[key] ?? {};
        counts[value] = (counts[value] ?? 0) + 1;
        coverage[key] = counts;
      }
    }
    if (!shrinking) {
      for (const branch of branchKeys(outcome.bound)) if (!((worstByBranch[branch] ?? -Infinity) >= outcome.ratio)) worstByBranch[branch] = outcome.ratio;
    }
    if (!shrinking && outcome.ratio > worstRatio) {
      worstRatio = outcome.ratio;
      worstCase = statement.describe(c);
      worstUndecided = isUndecided(outcome);
    }
    if (!shrinking && isUndecided(outcome)) undecided++;
    if (!shrinking && outcome.status === 'violation' && !outcome.certified) uncertain++;
    if (outcome.status === 'violation' && outcome.certified) {
      // While shrinking, keep only clear violations, so the stored counterexample is not one ulp from the boundary.
      const clear = outcome.margin > SHRINK_MARGIN_FACTOR * (outcome.uncertainty + outcome.decidedBy.noise) && outcome.ratio > SHRINK_MIN_RATIO;
      if (shrinking && !clear) return true;
      shrinking = true;
      last = { c, outcome };
      return false;
    }
    return true;
  };

  const db = replaying ? false : (options.worstCases ?? loadWorstCases());
  const examples = replaying ? [] : [...(options.examples ?? []), ...(db === false ? [] : replayCases(statement, reading.name, db))];
  // Shrink candidates stop with the budget (a replay walks its path through every candidate).
  const cases = shrinkBudgeted(statement.arbitrary(options.size), () => !replaying && shrinkEvaluations >= options.shrinkEvaluations);
  const result = fc.check(fc.property(cases, predicate), {
    numRuns: replaying ? 1 : options.runs,
    seed: options.seed,
    examples: examples.map((c) => [c] as [C]),
    ...(replaying && { path: options.path, endOnFailure: true }),
  });
  const nearEqualityCases = [...near].sort((a, b) => Number(a.confirmed) - Number(b.confirmed));
  const worstRatioByBranch = Object.fromEntries(
    Object.keys(worstByBranch)
      .sort()
      .map((b) => [b, worstByBranch[b] as number]),
  );
  const stats = {
    runs: result.numRuns,
    discarded,
    unsolved,
    uncertain,
    undecided,
    nearEqualities,
    unconfirmedPasses,
    nearEqualityCases,
    worstRatio,
    worstCase,
    worstUndecided,
    worstRatioByBranch,
    coverage,
    seed: options.seed,
  };
  if (!result.failed) return { ...stats, verdict: undecided > 0 ? 'undecided' : 'holds' };
  if (last === undefined || last.outcome.status !== 'violation') {
    // fast-check failed for another reason (an exception in a generator, a measure or a reading): surface it.
    const thrown = result.errorInstance;
    if (thrown instanceof NtkInternalError) throw new NtkInternalError(`statement ${statement.id}: ${thrown.message}`, { cause: thrown });
    throw thrown instanceof Error ? thrown : new NtkInternalError(`statement ${statement.id}: threw ${String(thrown)}`);
  }
  // The final counterexample is re-judged by every method the case has, the decimal reference included.
  const confirmed = recheck(statement.relation, reading, statement.measure(last.c), 'final');
  if (confirmed.verdict !== 'violation') {
    const d = confirmed.decidedBy;
    throw new NtkError(
      `${statement.id}/${reading.name}: the counterexample certified by the floats is not confirmed by ${d.method} (margin ${d.margin}, uncertainty ${d.uncertainty}, rounding level ${d.noise}); seed ${options.seed} path ${result.counterexamplePath ?? ''}`,
    );
  }
  return {
    ...stats,
    verdict: 'refuted',
    counterexample: {
      case: statement.describe(last.c),
      bound: confirmed.bound,
      ratio: confirmed.ratio,
      margin: confirmed.margin,
      uncertainty: confirmed.uncertainty,
      certifiedBy: confirmed.decidedBy,
      ...replayPoint(result.counterexamplePath ?? '', options, examples.length),
    },
  };
}

/**
 * The seed and path that replay a counterexample, over the generated cases alone (independent of the databases
 * replayed first): fast-check's path counts the `examples` first. A counterexample that is an unshrunk example
 * takes the example's known origin, else it is marked as the `example`-th database case.
 */
function replayPoint(rawPath: string, options: CheckOptions<unknown>, exampleCount: number): ReplayPoint & { example?: number } {
  if (options.path !== undefined) return { seed: options.seed, path: options.path };
  const [first, ...shrinks] = rawPath.split(':');
  const index = Number(first);
  if (index >= exampleCount) return { seed: options.seed, path: [index - exampleCount, ...shrinks].join(':') };
  const origin = options.exampleOrigins?.[index];
  if (origin !== undefined && shrinks.length === 0) return origin;
  return { seed: options.seed, path: rawPath, example: index };
}
