import { kappa } from '../flow/kappa.js';
import type { Run } from '../flow/Run.js';

/** The quantities of docs/theory.md measured on one solved run, with constants certified on the Prop 3.1 ball. */
export interface FlowQuantities {
  readonly T: number;
  readonly alpha: number;
  /** Output dimension n of the model. */
  readonly n: number;
  readonly R0: number;
  /** ||r(0)|| = sqrt(2 R0). */
  readonly r0: number;
  /** E(T) = ||r(T) - rbar(T)||. */
  readonly E: number;
  /** rho = sqrt(T R0) / alpha: the smallest ball allowed by Thm 1.2's time limit T <= alpha^2 rho^2 / R0. */
  readonly rho: number;
  /** Certified Lip(Dh) and Lip(h) on B(w0, rho). */
  readonly lipDh: number;
  readonly lipH: number;
  /** kappa = T Lip(Dh) sqrt(R0) / alpha. */
  readonly kappa: number;
  readonly weightChange: number;
  readonly linearWeightChange: number;
  /** How far the solved trajectory went from w0 (it must stay in B(w0, rho) by Prop 3.1). */
  readonly trajectoryRadius: number;
  /** Operand scale of residual quantities (E, r'): max(||r(0)||, Run.residualScale). */
  readonly rScale: number;
}

/** Measure the common quantities of a run. */
export function flowQuantities(run: Run): FlowQuantities {
  const { instance, R0 } = run;
  const { T, alpha, model } = instance;
  const rho = Math.sqrt(T * R0) / alpha;
  const lipDh = model.lipDh(rho);
  return {
    T,
    alpha,
    n: model.n,
    R0,
    r0: Math.sqrt(2 * R0),
    E: run.E,
    rho,
    lipDh,
    lipH: model.lipH(rho),
    kappa: kappa(T, lipDh, R0, alpha),
    weightChange: run.weightChange,
    linearWeightChange: run.linearWeightChange,
    trajectoryRadius: run.trajectoryRadius,
    rScale: Math.max(Math.sqrt(2 * R0), run.residualScale),
  };
}
