import type fc from 'fast-check';
import type { SearchSpace } from '../../arbitraries/SearchSpace.js';

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
   * Magnitude of the operands lhs and rhs are computed from (e.g. ||r(0)|| for E = ||r - rbar||): the absolute
   * error of the tight measurement is at most its relative accuracy times this. Default max(|lhs|, |rhs|).
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
}

/** A measurement at the working tolerance and again 100x tighter (or by a second method): the certification pair. */
export interface Measured<M> {
  readonly primary: M;
  readonly tight: M;
  /** Relative accuracy of the tight measurement (its tolerance), in units of each bound's `scale`. */
  readonly tightAccuracy: number;
  /**
   * A measurement by an independent second method (e.g. the decimal.js closed form of a scalar flow), computed on
   * demand: the judge asks for it only to certify a violation or re-check a near-equality pass. Undefined when
   * the case has no second method (or it could not be evaluated).
   */
  readonly reference?: () => M | undefined;
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
  /** The generator of cases (from arbitraries/), at the given profile size. */
  arbitrary(): fc.Arbitrary<C>;
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
   * The parametric view of `arbitrary()` (same distribution, pure decoder) for the targeted search of src/search;
   * absent when the generator has none (the search then samples `arbitrary()` at random).
   */
  readonly search?: SearchSpace<C>;
}

/**
 * A statement with its case and measurement types erased, as the registry holds it. Sound because the engine
 * only ever feeds a statement the cases its own `arbitrary()` made (methods are bivariant in TypeScript).
 */
export type AnyStatement = Statement<unknown, unknown>;
