import { gram } from '../linalg/dense.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { flowKernel, type FlowKernel } from './flowRhs.js';
import type { Instance } from './Instance.js';

/**
 * T lambda_max(K0), K0 = J0 J0^T: the dimensionless horizon of the linearized flow. Its fastest mode relaxes on
 * the time scale 1 / lambda_max, and an explicit method whose stability interval is [-beta, 0] needs at least
 * T lambda_max / beta steps on [0, T] once the residual has relaxed (beta ~ 3.3 for dopri5). One Jacobian, one
 * n x n Gram matrix and one n x n eigendecomposition.
 */
export function flowStiffness(instance: Instance, kernel: FlowKernel = flowKernel(instance)): number {
  const { n, p } = kernel;
  const J0 = kernel.jacobian(new Float64Array(p));
  const { values } = symmetricEigen(gram(J0, n, p), n);
  return instance.T * Math.max(0, values[n - 1] as number);
}
