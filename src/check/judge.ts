import { NtkError } from '../errors/NtkError.js';
import type { Bound, Measured, Reading, Relation } from '../statements/Statement.js';

/** Outcome of one reading on one case. A violation is a counterexample only when `certified`. */
export type CaseOutcome =
  | { readonly status: 'pass'; readonly ratio: number; readonly bound: Bound }
  | {
      readonly status: 'violation';
      /** True when the violation at the tight measurement exceeds its difference to the primary one. */
      readonly certified: boolean;
      readonly ratio: number;
      /** Violation amount at the tight measurement (lhs - rhs for <=, rhs - lhs for >=). */
      readonly margin: number;
      /** max(|margin_primary - margin_tight|, rounding floor): the error the margin must beat. */
      readonly uncertainty: number;
      readonly bound: Bound;
      readonly primaryBound: Bound;
    };

/** Tightness ratio: lhs / rhs for an upper bound, rhs / lhs for a lower bound (1 = equality, > 1 = violated). */
export function tightness(relation: Relation, b: Bound): number {
  const [num, den] = relation === '<=' ? [b.lhs, b.rhs] : [b.rhs, b.lhs];
  if (den === 0) return num > 0 ? Infinity : 0; // a non-positive side against a zero bound is no tightness
  return num / den;
}

/** Signed violation: > 0 means the relation fails. */
export function violationAmount(relation: Relation, b: Bound): number {
  return relation === '<=' ? b.lhs - b.rhs : b.rhs - b.lhs;
}

/** Rounding floor: differences below this many ulps of the operands are not evidence. */
const ROUNDING_ULPS = 64;

/**
 * Judge a reading on a measured case. Decisions use the tight measurement; a violation is certified only if
 * it exceeds |violation(primary) - violation(tight)| — the estimated error of the measurement — and the tight
 * measurement's own accuracy floor, (tolerance + 64 eps) * scale of the operands (THEORY.md, "Numerical
 * honesty"). A near-equality pass is judged on the tight value too.
 */
export function judge<M>(relation: Relation, reading: Reading<M>, measured: Measured<M>): CaseOutcome {
  const bound = reading.bound(measured.tight);
  if (Number.isNaN(bound.lhs) || Number.isNaN(bound.rhs)) {
    throw new NtkError(`reading ${reading.name} produced NaN (lhs=${bound.lhs}, rhs=${bound.rhs})`);
  }
  const ratio = tightness(relation, bound);
  const margin = violationAmount(relation, bound);
  if (!(margin > 0)) return { status: 'pass', ratio, bound };
  const primaryBound = reading.bound(measured.primary);
  const scale = Math.max(Math.abs(bound.lhs), Math.abs(bound.rhs), bound.scale ?? 0);
  const floor = (measured.tightAccuracy + ROUNDING_ULPS * Number.EPSILON) * scale;
  const uncertainty = Math.max(Math.abs(violationAmount(relation, primaryBound) - margin), floor);
  return { status: 'violation', certified: margin > uncertainty, ratio, margin, uncertainty, bound, primaryBound };
}
