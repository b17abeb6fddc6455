import { NtkInternalError } from '../errors/NtkInternalError.js';
import type { Bound, Measured, Reading, Relation } from '../statements/Statement.js';
import { tightness } from '../statements/tightness.js';

/** A pass at least this tight (ratio > 0.99) is a near-equality: re-checked like a violation, and counted. */
export const NEAR_EQUALITY_RATIO = 0.99;

/** The re-check of a near-equality pass. */
export interface NearEquality {
  /** True when the pass exceeds its uncertainty (and the reference, when there is one, passes too). */
  readonly confirmed: boolean;
  readonly uncertainty: number;
  /** The bound at the second method's measurement, when there is one. */
  readonly referenceBound?: Bound;
}

/** Outcome of one reading on one case. A violation is a counterexample only when `certified`. */
export type CaseOutcome =
  | { readonly status: 'pass'; readonly ratio: number; readonly bound: Bound; readonly nearEquality?: NearEquality }
  | {
      readonly status: 'violation';
      /** True when the violation at the tight measurement exceeds its uncertainty (so the reference violates too). */
      readonly certified: boolean;
      readonly ratio: number;
      /** Violation amount at the tight measurement (lhs - rhs for <=, rhs - lhs for >=). */
      readonly margin: number;
      /** max(|margin_primary - margin_tight|, |margin_reference - margin_tight|, rounding floor): the error to beat. */
      readonly uncertainty: number;
      readonly bound: Bound;
      readonly primaryBound: Bound;
      /** The bound at the second method's measurement, when there is one. */
      readonly referenceBound?: Bound;
    };

/** Signed violation: > 0 means the relation fails. */
export function violationAmount(relation: Relation, b: Bound): number {
  return relation === '<=' ? b.lhs - b.rhs : b.rhs - b.lhs;
}

/** Rounding floor: differences below this many ulps of the operands are not evidence. */
const ROUNDING_ULPS = 64;

function evaluate<M>(reading: Reading<M>, m: M): Bound {
  const bound = reading.bound(m);
  if (Number.isNaN(bound.lhs) || Number.isNaN(bound.rhs)) {
    throw new NtkInternalError(`reading ${reading.name} produced NaN (lhs=${bound.lhs}, rhs=${bound.rhs})`);
  }
  return bound;
}

/** A tight measurement re-checked against the primary one and the second method (when the case has one). */
export interface Recheck {
  readonly bound: Bound;
  readonly ratio: number;
  /** Signed violation at the tight measurement (> 0: violated). */
  readonly margin: number;
  /**
   * The error the margin must beat: its distance to the primary margin (the error estimate of the working
   * tolerance), to the reference margin (second method), and the accuracy floor (tolerance + 64 eps) * scale.
   */
  readonly uncertainty: number;
  /** |margin| > uncertainty: the verdict (pass or violation) stands beyond the measurement error. */
  readonly confirmed: boolean;
  readonly primaryBound: Bound;
  readonly referenceBound?: Bound;
}

/** Re-check a measured case on a reading (always; {@link judge} calls it only for violations and near-equalities). */
export function recheck<M>(relation: Relation, reading: Reading<M>, measured: Measured<M>): Recheck {
  const bound = evaluate(reading, measured.tight);
  const margin = violationAmount(relation, bound);
  const primaryBound = evaluate(reading, measured.primary);
  const reference = measured.reference?.();
  const referenceBound = reference === undefined ? undefined : evaluate(reading, reference);
  const scale = Math.max(Math.abs(bound.lhs), Math.abs(bound.rhs), bound.scale ?? 0);
  const floor = (measured.tightAccuracy + ROUNDING_ULPS * Number.EPSILON) * scale;
  const toReference = referenceBound === undefined ? 0 : Math.abs(violationAmount(relation, referenceBound) - margin);
  const uncertainty = Math.max(Math.abs(violationAmount(relation, primaryBound) - margin), toReference, floor);
  const confirmed = Math.abs(margin) > uncertainty;
  return { bound, ratio: tightness(relation, bound), margin, uncertainty, confirmed, primaryBound, ...(referenceBound && { referenceBound }) };
}

/**
 * Judge a reading on a measured case (docs/theory.md, "Numerical honesty"). Decisions use the tight measurement. A
 * violation is certified only if it exceeds its uncertainty: the difference to the primary measurement, the
 * difference to the second method's measurement when the case has one (the decimal.js closed form of a scalar
 * flow), and the tight measurement's accuracy floor. A near-equality pass (ratio > 0.99) is re-checked the
 * same way and reported as confirmed or not; a far pass costs no second method.
 */
export function judge<M>(relation: Relation, reading: Reading<M>, measured: Measured<M>): CaseOutcome {
  const bound = evaluate(reading, measured.tight);
  const ratio = tightness(relation, bound);
  if (!(violationAmount(relation, bound) > 0) && !(ratio > NEAR_EQUALITY_RATIO)) return { status: 'pass', ratio, bound };
  const r = recheck(relation, reading, measured);
  const extra = r.referenceBound === undefined ? {} : { referenceBound: r.referenceBound };
  if (!(r.margin > 0)) return { status: 'pass', ratio, bound, nearEquality: { confirmed: r.confirmed, uncertainty: r.uncertainty, ...extra } };
  return { status: 'violation', certified: r.confirmed, ratio, margin: r.margin, uncertainty: r.uncertainty, bound, primaryBound: r.primaryBound, ...extra };
}
