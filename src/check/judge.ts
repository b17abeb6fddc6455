import { NtkInternalError } from '../errors/NtkInternalError.js';
import type { Bound, Measured, Reading, Relation } from '../statements/Statement.js';
import { tightness } from '../statements/tightness.js';

/** A pass at least this tight (ratio > 0.99) is a near-equality: re-checked like a violation, and counted. */
export const NEAR_EQUALITY_RATIO = 0.99;

/**
 * Rounding level, relative to a bound's operand scale: a difference below NOISE_FLOOR times the magnitude of the
 * operands the two sides are computed from is rounding noise (double precision loses ~1e-16 per operation, and a
 * measurement chains thousands), so it is never a violation, and an equality within it is a pass.
 */
export const NOISE_FLOOR = 1e-12;

/**
 * A float violation that clears its uncertainty and the rounding level this many times over is certified by the
 * floats alone while a check runs (the decimal reference is for the close calls; checkReading still confirms the
 * final counterexample with it).
 */
export const FLOAT_CLEAR_FACTOR = 10;

/** The evidence that decided a case: a method, its margin and the error that margin carries. */
export interface Decision {
  /**
   * 'float' (the working and 100x tighter solves, and the second float method of a different order when the case
   * has one), or the high-precision reference ('decimal-taylor', 'decimal-closed-form').
   */
  readonly method: string;
  /** Significant digits of a decimal reference, and its a posteriori relative error. */
  readonly digits?: number;
  readonly errorBound?: number;
  /** Signed violation by that method (> 0: violated) and its uncertainty (the spread between the methods it compares). */
  readonly margin: number;
  readonly uncertainty: number;
  /** NOISE_FLOOR times the operand scale: the rounding level a violation must clear. */
  readonly noise: number;
  /** The methods whose measurements entered `uncertainty`. */
  readonly compared: readonly string[];
}

/** The re-check of a pass that was not clear at the working measurement (near-equality, or within the working error). */
export interface NearEquality {
  /** True when the pass is established: its margin plus its uncertainty stays within the rounding level. */
  readonly confirmed: boolean;
  readonly uncertainty: number;
  /** The bound at the decimal reference's measurement, when it was computed. */
  readonly referenceBound?: Bound;
  readonly decidedBy: Decision;
}

/** Outcome of one reading on one case. A violation is a counterexample only when `certified`; otherwise undecided. */
export type CaseOutcome =
  | { readonly status: 'pass'; readonly ratio: number; readonly bound: Bound; readonly nearEquality?: NearEquality }
  | {
      readonly status: 'violation';
      /** True when the violation beats its uncertainty and the rounding level at the deciding method. */
      readonly certified: boolean;
      /** Ratio and sides by the deciding method (the decimal reference when the case has one). */
      readonly ratio: number;
      /** Violation amount by the deciding method (lhs - rhs for <=, rhs - lhs for >=). */
      readonly margin: number;
      /** The error the margin must beat (on top of the rounding level `decidedBy.noise`). */
      readonly uncertainty: number;
      readonly bound: Bound;
      /** The working and the tight float measurement. */
      readonly primaryBound: Bound;
      readonly tightBound: Bound;
      /** The bound at the decimal reference's measurement, when there is one. */
      readonly referenceBound?: Bound;
      readonly decidedBy: Decision;
    };

/** True for a case that ends neither a pass nor a certified violation. */
export function isUndecided(outcome: CaseOutcome): boolean {
  return outcome.status === 'violation' ? !outcome.certified : outcome.nearEquality !== undefined && !outcome.nearEquality.confirmed;
}

/** Signed violation: > 0 means the relation fails. */
export function violationAmount(relation: Relation, b: Bound): number {
  return relation === '<=' ? b.lhs - b.rhs : b.rhs - b.lhs;
}

/** Magnitude of the operands of a bound: its declared scale, at least |lhs| and |rhs|. */
export function operandScale(b: Bound): number {
  return Math.max(Math.abs(b.lhs), Math.abs(b.rhs), b.scale ?? 0);
}

/** |a - b|, 0 for equal infinities (a vacuous bound, rhs = Infinity, gives margin -Infinity at every measurement). */
function spread(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b);
}

function evaluate<M>(reading: Reading<M>, m: M): Bound {
  const bound = reading.bound(m);
  if (Number.isNaN(bound.lhs) || Number.isNaN(bound.rhs)) {
    throw new NtkInternalError(`reading ${reading.name} produced NaN (lhs=${bound.lhs}, rhs=${bound.rhs})`);
  }
  return bound;
}

/** What a margin with its uncertainty says: violated beyond the rounding level, within it (a pass), or neither. */
type Call = 'violation' | 'pass' | 'undecided';

function call(margin: number, uncertainty: number, noise: number): Call {
  if (margin - uncertainty > noise) return 'violation';
  if (margin + uncertainty <= noise) return 'pass';
  return 'undecided';
}

/**
 * When {@link recheck} asks for the decimal reference: `false` only where the floats cannot decide clearly; `true`
 * always (within the reference's ordinary work budget); 'final' always, with the larger budget of a final
 * counterexample.
 */
export type ReferenceDemand = boolean | 'final';

/** A tight measurement re-checked by every method the case has (second float method, decimal reference). */
export interface Recheck {
  /** The deciding measurement's bound, ratio and margin. */
  readonly bound: Bound;
  readonly ratio: number;
  readonly margin: number;
  readonly uncertainty: number;
  readonly verdict: Call;
  readonly decidedBy: Decision;
  readonly primaryBound: Bound;
  readonly tightBound: Bound;
  readonly referenceBound?: Bound;
  /** The float evidence alone (working, tight and second method), before any decimal reference. */
  readonly float: Decision;
}

/**
 * Re-check a measured case. Float evidence first: the tight margin, with the uncertainty max(|m_primary - m_tight|,
 * |m_second - m_tight|) when the case has a second float method of a different order (two solves of one method
 * can take the same early steps and agree to the last bit; a method of another order cannot), else
 * max(|m_primary - m_tight|, tightAccuracy x scale). Then, when the case has a decimal reference and the float
 * evidence cannot decide, or says violation by less than FLOAT_CLEAR_FACTOR x (uncertainty + rounding level), or
 * `forceReference` (the search's worst case; 'final': a final counterexample, with a larger budget), the reference decides: its margin, with the uncertainty max(|m_ref - m_companion|, errorBound x scale).
 * A call is 'violation' when margin - uncertainty exceeds the rounding level NOISE_FLOOR x scale, 'pass' when
 * margin + uncertainty stays within it, else 'undecided'.
 */
export function recheck<M>(relation: Relation, reading: Reading<M>, measured: Measured<M>, forceReference: ReferenceDemand = false): Recheck {
  const tightBound = evaluate(reading, measured.tight);
  const primaryBound = evaluate(reading, measured.primary);
  const mTight = violationAmount(relation, tightBound);
  const scale = operandScale(tightBound);
  const noise = NOISE_FLOOR * scale;
  const second = measured.second?.();
  const spreadPrimary = spread(violationAmount(relation, primaryBound), mTight);
  const floatUncertainty =
    second === undefined
      ? Math.max(spreadPrimary, measured.tightAccuracy * scale)
      : Math.max(spreadPrimary, spread(violationAmount(relation, evaluate(reading, second)), mTight));
  const float: Decision = {
    method: 'float',
    margin: mTight,
    uncertainty: floatUncertainty,
    noise,
    compared: second === undefined ? ['primary', 'tight'] : ['primary', 'tight', 'second'],
  };
  const floatCall = call(mTight, floatUncertainty, noise);
  const base = { primaryBound, tightBound, float };
  const byFloat = {
    ...base,
    bound: tightBound,
    ratio: tightness(relation, tightBound),
    margin: mTight,
    uncertainty: floatUncertainty,
    verdict: floatCall,
    decidedBy: float,
  };
  const clear = floatCall === 'pass' || mTight - floatUncertainty > FLOAT_CLEAR_FACTOR * (floatUncertainty + noise);
  if (clear && forceReference === false) return byFloat;
  const reference = measured.reference?.(forceReference === 'final');
  if (reference === undefined) return byFloat;
  const referenceBound = evaluate(reading, reference.measurement);
  const mRef = violationAmount(relation, referenceBound);
  const refScale = operandScale(referenceBound);
  const companion = reference.companion === undefined ? 0 : spread(violationAmount(relation, evaluate(reading, reference.companion)), mRef);
  const uncertainty = Math.max(companion, reference.errorBound * refScale);
  const refNoise = NOISE_FLOOR * refScale;
  const decidedBy: Decision = {
    method: reference.method,
    digits: reference.digits,
    errorBound: reference.errorBound,
    margin: mRef,
    uncertainty,
    noise: refNoise,
    compared: [reference.method, ...(reference.companion === undefined ? [] : ['companion'])],
  };
  return {
    ...base,
    bound: referenceBound,
    ratio: tightness(relation, referenceBound),
    margin: mRef,
    uncertainty,
    verdict: call(mRef, uncertainty, refNoise),
    decidedBy,
    referenceBound,
  };
}

/**
 * Judge a reading on a measured case (numerical honesty). A clear pass (ratio <= 0.99, and its margin beyond
 * max(|m_primary - m_tight|, tightAccuracy x scale)) costs nothing more. Every other case — a would-be violation,
 * a near-equality, a pass within the working error — is re-checked ({@link recheck}): by the second float method,
 * and, for a violation or a case the floats cannot decide, by the decimal reference. It ends a pass, a certified
 * violation, or undecided (a violation with `certified: false`, or a pass with an unconfirmed `nearEquality`).
 * Rounding noise of the operands (below NOISE_FLOOR x the bound's operand scale) is never a violation.
 * `withReference: false` leaves the decimal reference out (checkReading while shrinking: only float-clear
 * violations are kept, and the final one is re-judged with the reference).
 */
export function judge<M>(relation: Relation, reading: Reading<M>, measured: Measured<M>, withReference = true): CaseOutcome {
  const bound = evaluate(reading, measured.tight);
  const ratio = tightness(relation, bound);
  const margin = violationAmount(relation, bound);
  if (!(margin > 0 || ratio > NEAR_EQUALITY_RATIO)) {
    if (margin === -Infinity) return { status: 'pass', ratio, bound }; // a vacuous bound (rhs = Infinity)
    const working = Math.max(spread(violationAmount(relation, evaluate(reading, measured.primary)), margin), measured.tightAccuracy * operandScale(bound));
    if (margin + working <= 0) return { status: 'pass', ratio, bound };
  }
  const r = recheck(relation, reading, { ...measured, ...(!withReference && { reference: undefined }) });
  const extra = r.referenceBound === undefined ? {} : { referenceBound: r.referenceBound };
  if (r.verdict === 'violation' || (r.verdict === 'undecided' && r.margin > 0)) {
    return {
      status: 'violation',
      certified: r.verdict === 'violation',
      ratio: r.ratio,
      margin: r.margin,
      uncertainty: r.uncertainty,
      bound: r.bound,
      primaryBound: r.primaryBound,
      tightBound: r.tightBound,
      decidedBy: r.decidedBy,
      ...extra,
    };
  }
  // A pass with a positive margin is an equality within the rounding of its operands: its ratio (which can be
  // anything when both sides are rounding-sized, even Infinity against a zero bound) is reported as 1.
  const passRatio = r.margin > 0 ? 1 : r.ratio;
  return {
    status: 'pass',
    ratio: passRatio,
    bound: r.bound,
    nearEquality: { confirmed: r.verdict === 'pass', uncertainty: r.uncertainty, decidedBy: r.decidedBy, ...extra },
  };
}
