import type { AuditProblem } from '../AuditProblem.js';
import type { AuditSubject, SolveOutcome } from '../AuditSubject.js';
import { gradientFlowProblem } from '../gradientFlowProblem.js';
import { flowContext, flowState, type FlowContext, type FlowState } from './flowState.js';
import type { InvariantCase } from './invariantCaseArb.js';

/** The invariants checked along an integrator's steps on a gradient flow. */
export type InvariantKind = 'non-finite' | 'loss-increase' | 'prop-3.1' | 'thm-1.2';

/** Every invariant kind, in the order they are reported. */
export const INVARIANT_KINDS: readonly InvariantKind[] = ['non-finite', 'loss-increase', 'prop-3.1', 'thm-1.2'];

/** A certified violation of an invariant at step k of a case. */
export interface Violation {
  readonly kind: InvariantKind;
  /** The step (1..steps) after which it shows, and its time t = k T / steps. */
  readonly k: number;
  readonly t: number;
  /** kappa(t) of the instance at that time. */
  readonly kappa: number;
  /** The measured quantity (loss increase R_k - R_k-1, ||w - w0||, E) and its bound (0, Prop 3.1, Thm 1.2); NaN for non-finite. */
  readonly value: number;
  readonly bound: number;
  /** The method's own error in `value`: its change when the same solve is redone with REFINE times the steps. */
  readonly methodError: number;
  /** The rounding floor of `value`. */
  readonly floor: number;
}

/** The certifying re-solve takes this many times the steps (the method's error there is >= 16x smaller). */
export const REFINE = 16;
/**
 * Tolerances of an adaptive subject's states (relative; atol is rtol times the scale sqrt(T R0) / alpha of the
 * weight change), and of its certifying re-solve: ADAPTIVE_RTOL / ADAPTIVE_RTOL_FINE = 1e5 times more accurate.
 */
export const ADAPTIVE_RTOL = 1e-3;
export const ADAPTIVE_RTOL_FINE = 1e-8;
/** What checkCase returns when the subject did not answer a call it needed (see `AuditSubject` failures). */
export const UNDECIDED = 'undecided';
/** A violation is certified when it exceeds MARGIN times the method's own error, plus the rounding floor. */
const MARGIN = 2;
/** Relative floor of every comparison (in units of R0, sqrt(T R0)/alpha, sqrt(2 R0)): below it, nothing is claimed. */
const RELATIVE_FLOOR = 1e-9;

type Checked = Exclude<InvariantKind, 'non-finite'>;

/** The quantity, bound and rounding floor of one invariant at state s (after `prev`). */
function measure(kind: Checked, context: FlowContext, s: FlowState, prev: FlowState): { value: number; bound: number; floor: number } {
  const { R0 } = context;
  switch (kind) {
    case 'loss-increase':
      return { value: s.R - prev.R, bound: 0, floor: s.floor.R + prev.floor.R + RELATIVE_FLOOR * R0 };
    case 'prop-3.1':
      return { value: s.weightChange, bound: s.weightBound, floor: s.floor.weightChange + RELATIVE_FLOOR * s.weightBound };
    case 'thm-1.2':
      return { value: s.E, bound: s.thm12Bound, floor: s.floor.E + RELATIVE_FLOOR * Math.sqrt(2 * R0) };
  }
}

/** The state after k of `steps` steps at time t: a fixed-step solve with k (or REFINE k) steps, or an adaptive one. */
function stateSolver(subject: AuditSubject, problem: AuditProblem, context: FlowContext) {
  const w0 = context.instance.model.w0;
  const scale = Math.max(Math.sqrt(context.instance.T * context.R0) / context.instance.alpha, Number.MIN_VALUE);
  return (t: number, k: number, fine: boolean): Promise<SolveOutcome> => {
    if (!subject.adaptive) return subject.solve(problem, 0, w0, t, fine ? REFINE * k : k);
    const rtol = fine ? ADAPTIVE_RTOL_FINE : ADAPTIVE_RTOL;
    return subject.solveTo(problem, 0, w0, t, { rtol, atol: rtol * scale });
  };
}

/**
 * Run the integrator along a case and return the first certified violation of one of `kinds`, or undefined
 * (`UNDECIDED` when the subject failed to answer a call the check needed, see `AuditSubject`).
 * The state after k steps is `solve(f, 0, w0, k T / steps, k)`, k = 1..steps (each a fresh solve, so any
 * integrator is observed as it is, multistep or not), on the gradient flow (1) of the case's instance; for an
 * adaptive subject, `solve(f, 0, w0, k T / steps, { rtol: ADAPTIVE_RTOL, atol })` and the re-solve at
 * ADAPTIVE_RTOL_FINE. At each
 * state: a non-finite result; the loss rising above its previous value; ||w - w0|| above Prop 3.1's
 * sqrt(t R0) / alpha; E(t) above Thm 1.2's min(6 kappa(t) sqrt(R0), sqrt(8 R0)) (rbar exact). A raw violation
 * is certified only if it exceeds twice the method's own error (the change of the quantity when the states are
 * re-solved with REFINE times the steps) plus the rounding floor: the exact flow satisfies all three, so a
 * convergent method can only break them by about its error, while a wrong one keeps breaking them as the steps
 * shrink.
 */
export async function checkCase(subject: AuditSubject, c: InvariantCase, kinds: ReadonlySet<InvariantKind>): Promise<Violation | typeof UNDECIDED | undefined> {
  const { instance } = c.flow;
  const context = flowContext(instance);
  const solveAt = stateSolver(subject, gradientFlowProblem(instance), context);
  const w0 = instance.model.w0;
  const timeAt = (k: number) => (k === c.steps ? instance.T : (k * instance.T) / c.steps);
  const fine = new Map<number, FlowState | typeof UNDECIDED | undefined>([[0, flowState(context, w0, 0, 0)]]);
  const fineState = async (k: number): Promise<FlowState | typeof UNDECIDED | undefined> => {
    if (!fine.has(k)) {
      const out = await solveAt(timeAt(k), k, true);
      fine.set(k, out.status === 'failed' ? UNDECIDED : out.finite ? flowState(context, out.y, timeAt(k), REFINE * k) : undefined);
    }
    return fine.get(k);
  };
  const checked = (['loss-increase', 'prop-3.1', 'thm-1.2'] as const).filter((kind) => kinds.has(kind));
  let prev = fine.get(0) as FlowState;
  let undecided = false;
  for (let k = 1; k <= c.steps; k++) {
    const t = timeAt(k);
    const out = await solveAt(t, k, false);
    if (out.status === 'failed') return UNDECIDED;
    if (!out.finite) {
      return kinds.has('non-finite') ? { kind: 'non-finite', k, t, kappa: NaN, value: NaN, bound: NaN, methodError: NaN, floor: NaN } : undefined;
    }
    const s = flowState(context, out.y, t, k);
    for (const kind of checked) {
      const m = measure(kind, context, s, prev);
      if (!(m.value - m.bound > m.floor)) continue;
      const fk = await fineState(k);
      const fPrev = kind === 'loss-increase' ? await fineState(k - 1) : fk;
      if (fk === UNDECIDED || fPrev === UNDECIDED) undecided = true;
      if (fk === undefined || fPrev === undefined || fk === UNDECIDED || fPrev === UNDECIDED) continue;
      const methodError = Math.abs(m.value - measure(kind, context, fk, fPrev).value);
      if (m.value - m.bound > MARGIN * methodError + m.floor) return { kind, k, t, kappa: s.kappa, ...m, methodError };
    }
    prev = s;
  }
  return undecided ? UNDECIDED : undefined;
}
