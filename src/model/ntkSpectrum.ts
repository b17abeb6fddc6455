import type { LinearizedFlow } from '../flow/linearizedFlow.js';

/** The empirical NTK K0 = J0 J0^T at w0: its spectrum. */
export interface NtkSpectrum {
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /**
   * lambda_max / lambda_min; Infinity when lambda_min is within rounding of 0 (n eps lambda_max): K0 is singular,
   * and the residual along its null space never decays under the linearized flow (JSON: null).
   */
  readonly condition: number;
  /** All eigenvalues, ascending. */
  readonly eigenvalues: readonly number[];
}

/** The spectrum of K0 from the linearized flow's eigendecomposition. */
export function ntkSpectrum(linear: LinearizedFlow): NtkSpectrum {
  const eigenvalues = Array.from(linear.K0eig.values).sort((a, b) => a - b);
  const lambdaMin = eigenvalues[0] as number;
  const lambdaMax = eigenvalues[eigenvalues.length - 1] as number;
  const singular = lambdaMin <= eigenvalues.length * Number.EPSILON * lambdaMax;
  return { lambdaMin, lambdaMax, condition: singular ? Infinity : lambdaMax / lambdaMin, eigenvalues };
}
