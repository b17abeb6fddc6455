import type fc from 'fast-check';
import type { GeneratorSize } from '../../arbitraries/horizons.js';
import type { SearchSpace } from '../../arbitraries/SearchSpace.js';
import type { PaperConstant } from './PaperConstant.js';

/** What the suite established (or expects) for a reading: the inequality holds, or a certified counterexample refutes it. */
export type Verdict = 'holds' | 'refuted';

/**
 * What a reading is expected to do: a {@link Verdict} the suite keeps fixed, or 'open' — a conjecture (the
 * paper's open questions, src/explore): its check never fails a run, it records what was found (a certified
 * counterexample, or the evidence of a search that found none).
 */
export type Expectation = Verdict | 'open';

/** Direction of a statement: an upper bound `lhs <= rhs` or a lower bound `lhs >= rhs`. */
export type Relation = '<=' | '>=';

/** One evaluation of a reading: both sides, and which branch of a `min` (if any) was active. */
export interface Bound {
  readonly lhs: number;
  readonly rhs: number;
  /** Active branch of a `min`/`max` in the bound, e.g. 'kappa' or 'saturated'. */
  readonly branch?: string;
  /**
   * A finer label of the cases in the active branch (e.g. 'n=1' or 'n>1' in Thm 1.2's kappa branch): worst ratios
   * are kept per branch and per `branch:split` (`branchKeys`), so a split of a branch is searched and reported apart.
   */
  readonly split?: string;
  /**
   * Magnitude of the operands lhs and rhs are computed from (e.g. the residual's operand scale for E = ||r - rbar||,
   * a difference of two vectors of that size): the absolute error of the tight measurement is at most its relative
   * accuracy times this, and a violation below NOISE_FLOOR (1e-12) times this is rounding noise, never a violation.
   * Default max(|lhs|, |rhs|).
   */
  readonly scale?: number;
}

/**
 * One reading of a statement (docs/theory.md keeps a literal and one or more restored readings). Its constants live
 * in `bound` and nowhere else.
 */
export interface Reading<M> {
  readonly name: string;
  /** The formula, as a human reads it. */
  readonly formula: string;
  /** The verdict the suite established (`npm test` keeps it fixed), or 'open' for a conjecture. */
  readonly expected: Expectation;
  /** Evaluate both sides on a measurement. */
  bound(m: M): Bound;
  /** The paper's constants in `bound`, per branch (the sharp-constant table); absent for a constant-free bound. */
  readonly constants?: readonly PaperConstant[];
}

/**
 * A measurement by an independent high-precision method (decimal.js at `digits` significant digits: the closed form
 * of a scalar flow, or the Taylor-series integrator of a quadratic flow), with its a posteriori error.
 */
export interface Reference<M> {
  readonly measurement: M;
  /** The method, e.g. 'decimal-closed-form' or 'decimal-taylor'. */
  readonly method: string;
  /** Significant digits of the computation. */
  readonly digits: number;
  /**
   * A posteriori relative error of the reference state (e.g. the distance to the same solve at fewer digits,
   * relative to the state's size): tiny next to double rounding, recorded with every certification.
   */
  readonly errorBound: number;
  /** The same reading evaluated on the lower-digit companion solve: its distance to `measurement` bounds the margin's error. */
  readonly companion?: M;
}

/** A measurement at the working tolerance and again 100x tighter (or by a second method): the certification pair. */
export interface Measured<M> {
  readonly primary: M;
  readonly tight: M;
  /** Relative accuracy of the tight measurement (its tolerance), in units of each bound's `scale`. */
  readonly tightAccuracy: number;
  /**
   * The same measurement by a second float method of a different order (e.g. the exponential integrator where the
   * tight solve was explicit), computed on demand when a verdict is close. Undefined when the case has none.
   */
  readonly second?: () => M | undefined;
  /**
   * A measurement by an independent high-precision method, computed on demand: the judge asks for it only where a
   * verdict depends on it. `final`: it certifies a final counterexample (checkReading, the search's worst case), so a
   * larger work budget is allowed. Undefined when the case has none (or it is beyond its work budget).
   */
  readonly reference?: (final?: boolean) => Reference<M> | undefined;
  /** Work of the measurement (e.g. right-hand-side evaluations of the solves): lets a search avoid costly regions. */
  readonly cost?: number;
}

/**
 * A statement of the theory as data: hypothesis, measurement, readings, and a sanity mutant — a reading with a
 * slightly wrong constant or exponent that the same generator must refute (proof that the property can fail).
 * `C` is the generated case (e.g. an instance), `M` what is measured on it.
 */
export interface Statement<C, M> {
  readonly id: string;
  readonly source: string;
  readonly relation: Relation;
  readonly summary: string;
  readonly readings: readonly Reading<M>[];
  readonly mutant: Reading<M>;
  /** The generator of cases (from arbitraries/), at the given profile size (the flow generators' longest horizon). */
  arbitrary(size?: GeneratorSize): fc.Arbitrary<C>;
  /** The hypothesis under which the statement applies (e.g. a time limit); cases outside it are discarded. */
  applies(c: C): boolean;
  /** Measure the case at the working tolerance and 100x tighter. */
  measure(c: C): Measured<M>;
  /** Coverage labels of a case (model family, kappa regime, ...); asserted by the property tests. */
  labels(c: C, m: M): Readonly<Record<string, string>>;
  /** Serializable description of a case, for counterexample files and reports. */
  describe(c: C): unknown;
  /** The inverse of `describe`: rebuild a case from its description (replaying the counterexample database). */
  revive(description: unknown): C;
  /** Coverage the property test must see: label -> values that must each occur at least once. */
  readonly requiredCoverage: Readonly<Record<string, readonly string[]>>;
  /**
   * The parametric view of `arbitrary()` (same distribution, pure decoder; for flow statements at the short horizons
   * alone, `GeneratorSize.longHorizons`) for the targeted search of src/search;
   * absent when the generator has none (the search then samples `arbitrary()` at random).
   */
  readonly search?: SearchSpace<C>;
}

/**
 * A statement with its case and measurement types erased, as the registry holds it. Sound because the engine
 * only ever feeds a statement the cases its own `arbitrary()` made (methods are bivariant in TypeScript).
 */
export type AnyStatement = Statement<unknown, unknown>;
