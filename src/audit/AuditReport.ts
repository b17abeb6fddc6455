/**
 * Kinds of findings: `order` (observed order below the claim), `stall` (the error stops decreasing far above
 * rounding), `non-finite` (a NaN or infinite result), `time-dependence`, `components` and `step-count`
 * (diagnoses of what is wrong), and the certified invariant violations `loss-increase`, `prop-3.1`, `thm-1.2`.
 * Adaptive solvers: `tolerance` (proportionality), `error-estimate` (honesty), `step-control` (an overreacting
 * controller), `step-rejection` (one that never rejects), `atol` (atol ignored). Any subject: `hangs` and
 * `too-slow` (a call past its deadline), `exits` and `crash` (the subject ended mid-solve). Every finding fails the audit.
 */
export type FindingKind =
  | 'order'
  | 'tolerance'
  | 'error-estimate'
  | 'step-control'
  | 'step-rejection'
  | 'atol'
  | 'hangs'
  | 'too-slow'
  | 'exits'
  | 'crash'
  | 'stall'
  | 'non-finite'
  | 'time-dependence'
  | 'components'
  | 'step-count'
  | 'loss-increase'
  | 'prop-3.1'
  | 'thm-1.2';

/** One reason an audit fails: what kind, a sentence naming the problem, and (when one exists) the case that shows it. */
export interface Finding {
  readonly kind: FindingKind;
  readonly detail: string;
  /** A JSON-serializable case that reproduces the finding (a probe and step count, or a shrunk instance). */
  readonly counterexample?: unknown;
}

/**
 * The JSON printed by `ntk-check audit --json` (a contract; fields may be added). `observedOrder` is the median
 * over the convergence probes of the least-squares order; `errorFloor` the smallest relative error that every
 * probe reached (the worst probe's best); both null when not measurable.
 */
export interface AuditReport {
  readonly name: string;
  readonly claimedOrder: number;
  readonly observedOrder: number | null;
  readonly errorFloor: number | null;
  readonly verdict: 'pass' | 'fail';
  readonly findings: readonly Finding[];
  /** Additional field: the seed of every generated case, to replay the audit. */
  readonly seed: number;
  /** Additional field: which contract the subject follows. */
  readonly contract: 'fixed-step' | 'adaptive';
  /**
   * Additional field, adaptive subjects: the median over the smooth probes of the fitted slope of log error against
   * log rtol (1 is proportional), with the median 95% interval; null when not measurable.
   */
  readonly toleranceSlope?: { readonly slope: number; readonly low: number; readonly high: number } | null;
}
