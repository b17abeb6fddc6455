import type { QuadraticModel } from '../../models/quadratic.js';
import { exactDecimal } from '../../precise/exactDecimal.js';
import { TaylorQuadraticFlow } from '../../precise/taylorQuadraticFlow.js';
import type { Instance } from '../Instance.js';

/**
 * The decimal Taylor solve of a quadratic-model instance (test-only): both flows on [0, T] from the exact binary
 * inputs, at `digits` digits (`TaylorQuadraticFlow`, no work budget).
 */
export function taylorQuadraticReference(instance: Instance & { readonly model: QuadraticModel }, digits: number): TaylorQuadraticFlow {
  const { model, yStar, alpha, T } = instance;
  const ex = (x: ArrayLike<number>) => Array.from(x, exactDecimal);
  return new TaylorQuadraticFlow(
    { n: model.n, p: model.p, h0: ex(model.h0), G: ex(model.G), Q: ex(model.Q), yStar: ex(yStar), alpha: exactDecimal(alpha) },
    exactDecimal(T),
    { digits },
  );
}
