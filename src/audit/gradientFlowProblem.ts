import type { Instance } from '../flow/Instance.js';
import { residual } from '../flow/residual.js';
import { instanceToJson } from '../flow/instanceToJson.js';
import type { AuditProblem } from './AuditProblem.js';

/**
 * The gradient flow (1) of an instance as an {@link AuditProblem} in the weights:
 * `dw/dt = (1/alpha) J(w)^T (y* - alpha h(w))` (docs/theory.md, "Setting and notation"), dim = p. Autonomous. Its
 * `spec` is the instance's JSON (models without a JSON family get no spec: in-process audits only).
 */
export function gradientFlowProblem(instance: Instance): AuditProblem {
  const { model, alpha } = instance;
  const w = new Float64Array(model.p);
  const r = new Float64Array(model.n);
  const g = new Float64Array(model.p);
  return {
    dim: model.p,
    rhs(_t, y) {
      for (let j = 0; j < w.length; j++) w[j] = y[j] as number;
      model.vjp(w, residual(instance, w, r), g);
      return Array.from(g, (x) => x / alpha);
    },
    ...(typeof model.toSpec === 'function' ? { spec: { instance: instanceToJson(instance) } } : {}),
  };
}
