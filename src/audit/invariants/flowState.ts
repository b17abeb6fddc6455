import type { Instance } from '../../flow/Instance.js';
import { kappa } from '../../flow/kappa.js';
import { linearizedFlow, type LinearizedFlow } from '../../flow/linearizedFlow.js';
import { loss, residual } from '../../flow/residual.js';
import { distance, norm2 } from '../../linalg/dense.js';
import { prop31WeightBound } from '../../statements/defs/prop-3.1.js';
import { thm12Bound } from '../../statements/defs/thm-1.2.js';

/** What every state of one instance shares: R0, the exact linearized flow, norms for the rounding floors. */
export interface FlowContext {
  readonly instance: Instance;
  readonly R0: number;
  readonly linear: LinearizedFlow;
  readonly yStarNorm: number;
  readonly w0Norm: number;
}

/** The theory's quantities at one state w(t) reached by an integrator after `k` steps. */
export interface FlowState {
  readonly t: number;
  readonly k: number;
  /** R(alpha h(w)) = 1/2 ||y* - alpha h(w)||^2. */
  readonly R: number;
  /** ||w - w0|| and its Prop 3.1 bound sqrt(t R0) / alpha. */
  readonly weightChange: number;
  readonly weightBound: number;
  /** kappa(t) = t Lip(Dh) sqrt(R0) / alpha, Lip(Dh) certified on B(w0, sqrt(t R0) / alpha). */
  readonly kappa: number;
  /** E(t) = ||r(t) - rbar(t)|| (rbar exact) and its Thm 1.2 bound min(6 kappa(t) sqrt(R0), sqrt(8 R0)). */
  readonly E: number;
  readonly thm12Bound: number;
  /** Rounding floors: how much double rounding alone can move R, ||w - w0|| and E at this state. */
  readonly floor: { readonly R: number; readonly weightChange: number; readonly E: number };
}

/** Multiple of eps per rounding in the floors (generous: a floor only keeps noise from being called a violation). */
const ROUNDING = 64;

/** The shared part of {@link flowState} for `instance`. */
export function flowContext(instance: Instance): FlowContext {
  const { model, yStar } = instance;
  return { instance, R0: loss(residual(instance, model.w0)), linear: linearizedFlow(instance), yStarNorm: norm2(yStar), w0Norm: norm2(model.w0) };
}

/**
 * Measure the state `w` at time t after k steps. The floors bound what double rounding can do: the integrator's
 * roundings of w (ROUNDING eps (k + 1) ||w|| after k steps), moved through h (Lip(h) on the Prop 3.1 ball), and
 * the roundings of r = y* - alpha h(w) itself (ROUNDING eps (||y*|| + alpha ||h(w)||)).
 */
export function flowState(context: FlowContext, w: Float64Array, t: number, k: number): FlowState {
  const { instance, R0, linear } = context;
  const { model, alpha } = instance;
  const r = residual(instance, w);
  const rbar = linear.residual(t);
  const rho = Math.sqrt(t * R0) / alpha;
  const eps = ROUNDING * Number.EPSILON;
  const wFloor = eps * (k + 1) * Math.max(norm2(w), context.w0Norm);
  const rFloor = eps * (context.yStarNorm + alpha * norm2(model.value(w))) + alpha * model.lipH(rho) * wFloor;
  const rNorm = norm2(r);
  const kappaT = kappa(t, model.lipDh(rho), R0, alpha);
  return {
    t,
    k,
    R: loss(r),
    weightChange: distance(w, model.w0),
    weightBound: prop31WeightBound(t, R0, alpha),
    kappa: kappaT,
    E: distance(r, rbar),
    thm12Bound: thm12Bound(kappaT, R0).value,
    floor: { R: rNorm * rFloor + rFloor * rFloor, weightChange: wFloor, E: rFloor + eps * Math.sqrt(2 * R0) },
  };
}
