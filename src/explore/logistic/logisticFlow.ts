import { integrateAdaptive } from '../../integrators/integrateAdaptive.js';
import { tableaus } from '../../integrators/tableaus/index.js';
import { matTVec, matVec, norm2 } from '../../linalg/dense.js';
import { opNorm } from '../../linalg/opNorm.js';
import { logisticLossGradient } from './logisticLoss.js';
import type { LogisticCase } from './LogisticCase.js';

/** Both cross-entropy flows solved to time T: E(T) and what it took. */
export interface LogisticRun {
  /** E(T) = ||alpha h(w(T)) - alpha hbar(wbar(T))||. */
  readonly E: number;
  readonly rhsEvaluations: number;
}

/**
 * The gradient flow (1) on the logistic loss, dw/dt = -(1/alpha^2) grad_w R(alpha h(w)) = -(1/alpha) J(w)^T
 * grad R(alpha h(w)), and the same flow of the linearization hbar(w) = J0 (w - w0) (the model is centred), from the
 * same w0 — no longer a linear ODE, so both are integrated together, state (w, wbar), by the adaptive dopri5 pair of
 * src/integrators at relative tolerance `rtol` (absolute tolerance rtol times the weight scale T ||J0|| sqrt(n) / alpha,
 * the most the weights can move at |dR/dy_i| < 1 while ||J|| stays near ||J0||).
 */
export function logisticFlow(c: LogisticCase, rtol: number): LogisticRun {
  const { model, labels, alpha, T } = c;
  const { n, p, w0 } = model;
  const J0 = model.jacobian(w0);
  const y = new Float64Array(n);
  const g = new Float64Array(n);
  const w = new Float64Array(p);
  const dw = new Float64Array(p);
  const d = new Float64Array(p);
  const rhs = (_t: number, state: Float64Array, dstate: Float64Array): void => {
    // nonlinear: dw/dt = -(1/alpha) J(w)^T grad R(alpha h(w))
    for (let j = 0; j < p; j++) w[j] = state[j] as number;
    model.value(w, y);
    for (let i = 0; i < n; i++) y[i] = alpha * (y[i] as number);
    logisticLossGradient(y, labels, g);
    model.vjp(w, g, dw);
    for (let j = 0; j < p; j++) dstate[j] = -(dw[j] as number) / alpha;
    // linearized: dwbar/dt = -(1/alpha) J0^T grad R(alpha J0 (wbar - w0))
    for (let j = 0; j < p; j++) d[j] = (state[p + j] as number) - (w0[j] as number);
    matVec(J0, n, p, d, y);
    for (let i = 0; i < n; i++) y[i] = alpha * (y[i] as number);
    logisticLossGradient(y, labels, g);
    matTVec(J0, n, p, g, dw);
    for (let j = 0; j < p; j++) dstate[p + j] = -(dw[j] as number) / alpha;
  };
  const y0 = new Float64Array(2 * p);
  y0.set(w0, 0);
  y0.set(w0, p);
  const scale = (T * Math.max(opNorm(J0, n, p), Number.MIN_VALUE) * Math.sqrt(n)) / alpha;
  const result = integrateAdaptive(tableaus.dopri5, rhs, 0, y0, T, { rtol, atol: rtol * scale + Number.MIN_VALUE, maxSteps: 200_000 });
  const wT = result.y.subarray(0, p);
  const hT = model.value(Float64Array.from(wT));
  for (let j = 0; j < p; j++) d[j] = (result.y[p + j] as number) - (w0[j] as number);
  const hbarT = matVec(J0, n, p, d);
  return { E: alpha * norm2(hT.map((x, i) => x - (hbarT[i] as number))), rhsEvaluations: result.rhsEvaluations };
}
