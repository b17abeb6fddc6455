import type { Instance } from '../src/flow/Instance.js';
import { residual } from '../src/flow/residual.js';
import { integrateAdaptive } from '../src/integrators/integrateAdaptive.js';
import type { Rhs } from '../src/integrators/Rhs.js';
import { tableaus } from '../src/integrators/tableaus/index.js';

/**
 * The solver as it was before this benchmark's work (commit c36efad): dopri5 on gradient flow in the displacement,
 * with the right-hand side computed as w = w0 + d, r = y* - alpha model.value(w), model.vjp(w, r) / alpha (two
 * passes over the model), dense output recorded. Kept for the before/after rows of the benchmark only.
 */
export function baselineRhs(instance: Instance): Rhs {
  const { model, alpha } = instance;
  const w = new Float64Array(model.p);
  const r = new Float64Array(model.n);
  return (_t, d, dd) => {
    for (let j = 0; j < w.length; j++) w[j] = (model.w0[j] as number) + (d[j] as number);
    residual(instance, w, r);
    model.vjp(w, r, dd);
    for (let j = 0; j < dd.length; j++) dd[j] = (dd[j] as number) / alpha;
  };
}

/** One baseline solve (no error estimate) at the default atol rtol sqrt(T R0) / alpha; returns its evaluation count. */
export function baselineSolve(instance: Instance, rtol: number, atol: number): { rhsEvaluations: number; rT: Float64Array } {
  const { model, T } = instance;
  const result = integrateAdaptive(tableaus.dopri5, baselineRhs(instance), 0, new Float64Array(model.p), T, { rtol, atol, dense: true });
  return {
    rhsEvaluations: result.rhsEvaluations,
    rT: residual(
      instance,
      Float64Array.from(result.y, (d, j) => d + (model.w0[j] as number)),
    ),
  };
}
