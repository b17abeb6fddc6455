import type { ExponentialProblem } from '../integrateExponential.js';

/** Dimensions of {@link tanhGramFlow}: state length N, rows R of B. */
export const N = 3;
export const R = 2;
/** B (R x N, row-major), the target b and a starting state. */
export const B = Float64Array.of(2, -1, 0.5, 0.3, 1.5, -0.7);
export const target = Float64Array.of(1, -0.5);
export const y0 = Float64Array.of(0.1, -0.2, 0.05);

/** Calls the problem received: f evaluations, linearizations and the times of those. */
export interface FlowCounts {
  f: number;
  linearize: number;
  linearizeAt: number[];
}

/**
 * Test problem of the exponential integrator (test-only): the gradient flow y' = J(y)^T (b - B y - eps tanh(B y)),
 * J = diag(1 + eps sech^2(B y)) B, with linear part -J^T J at the linearization point (eps = 0: linear).
 */
export function tanhGramFlow(eps: number, counts: FlowCounts = { f: 0, linearize: 0, linearizeAt: [] }): ExponentialProblem & { counts: FlowCounts } {
  const s = new Float64Array(R);
  const row = (y: Float64Array): void => {
    for (let i = 0; i < R; i++) s[i] = B[i * N]! * y[0]! + B[i * N + 1]! * y[1]! + B[i * N + 2]! * y[2]!;
  };
  return {
    counts,
    rows: R,
    f: (_t, y, dy) => {
      counts.f += 1;
      row(y);
      dy.fill(0);
      for (let i = 0; i < R; i++) {
        const g = (1 + eps / Math.cosh(s[i]!) ** 2) * (target[i]! - s[i]! - eps * Math.tanh(s[i]!));
        for (let j = 0; j < N; j++) dy[j] = dy[j]! + B[i * N + j]! * g;
      }
    },
    linearize: (t, y) => {
      counts.linearize += 1;
      counts.linearizeAt.push(t);
      row(y);
      return Float64Array.from({ length: R * N }, (_, k) => (1 + eps / Math.cosh(s[Math.floor(k / N)]!) ** 2) * B[k]!);
    },
  };
}
