import type { Instance } from './Instance.js';
import { modelAtW0 } from './modelAtW0.js';

/**
 * T lambda_max(K0), K0 = J0 J0^T: the dimensionless horizon of the linearized flow. Its fastest mode relaxes on
 * the time scale 1 / lambda_max, and an explicit method whose stability interval is [-beta, 0] needs at least
 * T lambda_max / beta steps on [0, T] once the residual has relaxed (beta ~ 3.3 for dopri5). One Jacobian, one
 * n x n Gram matrix and one n x n eigendecomposition, once per model (`modelAtW0`).
 */
export function flowStiffness(instance: Instance): number {
  return instance.T * modelAtW0(instance.model).lambdaMaxK0();
}
