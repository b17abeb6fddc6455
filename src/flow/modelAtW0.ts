import { NtkInputError } from '../errors/NtkInputError.js';
import { gram } from '../linalg/dense.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import type { SmoothModel } from '../models/SmoothModel.js';

/** A model at its initialization w0: what every solve of it starts from. */
export interface ModelAtW0 {
  /** h(w0), finite. */
  readonly h0: Float64Array;
  /** lambda_max(K0), K0 = J(w0) J(w0)^T (J(w0) finite); >= 0. Computed on first use (an eigendecomposition). */
  lambdaMaxK0(): number;
}

/** The first index of a non-finite entry, or -1. */
function firstNonFinite(v: Float64Array): number {
  return v.findIndex((x) => !Number.isFinite(x));
}

/**
 * Per model, computed once (a model is immutable once built, as the flow kernels' cached cores already assume): a
 * search solves the same model at many tolerances and horizons, and each solve would otherwise evaluate h(w0), the
 * n x p Jacobian J(w0), its Gram matrix and an eigendecomposition again.
 */
const cache = new WeakMap<SmoothModel, ModelAtW0>();

/**
 * h(w0) and lambda_max(K0) of `model`, with the checks every solve needs (memoized per model object). Throws
 * NtkInputError naming the entry when h(w0) or J(w0) is not finite (a model that overflows at w0, e.g. b w0^2 / 2
 * with b = w0 = 1e308, is named here instead of failing deep inside a solve); a failure is not cached.
 */
export function modelAtW0(model: SmoothModel): ModelAtW0 {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const { n, p, w0 } = model;
  const h0 = model.value(w0, new Float64Array(n));
  const badValue = firstNonFinite(h0);
  if (badValue >= 0) throw new NtkInputError(`model.value(w0)[${badValue}]`, h0[badValue], 'finite (the model overflows at w0)');
  const J0 = model.jacobian(w0, new Float64Array(n * p));
  const badJacobian = firstNonFinite(J0);
  if (badJacobian >= 0) {
    const [k, j] = [Math.floor(badJacobian / p), badJacobian % p];
    throw new NtkInputError(`model.jacobian(w0)[${k}][${j}]`, J0[badJacobian], 'finite (the model overflows at w0)');
  }
  let lambdaMax: number | undefined;
  let J: Float64Array | undefined = J0; // kept until the eigenvalue is computed, then released
  const atW0: ModelAtW0 = {
    h0,
    lambdaMaxK0: () => {
      if (lambdaMax === undefined) {
        lambdaMax = Math.max(0, symmetricEigen(gram(J as Float64Array, n, p), n).values[n - 1] as number);
        J = undefined;
      }
      return lambdaMax;
    },
  };
  cache.set(model, atW0);
  return atW0;
}
