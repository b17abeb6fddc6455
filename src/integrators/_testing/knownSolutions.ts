/**
 * Test-only helpers of the integrator suite: ODEs with closed-form solutions and the least-squares order fit.
 * (Not exported from the package index.)
 */
import type { Rhs } from '../Rhs.js';

/** An initial value problem with its exact solution. */
export interface KnownSolution {
  readonly f: Rhs;
  readonly t0: number;
  readonly y0: Float64Array;
  readonly exact: (t: number) => Float64Array;
}

/**
 * Nonlinear and non-autonomous (so the nodes c matter): the logistic equation y1' = y1 (1 - y1), y1(0) = 0.1,
 * y1(t) = 1 / (1 + 9 e^-t), and y2' = cos(t) y2, y2(0) = 1, y2(t) = exp(sin t).
 */
export const logisticAndCos: KnownSolution = {
  f: (t, y, dy) => {
    const y1 = y[0] as number;
    dy[0] = y1 * (1 - y1);
    dy[1] = Math.cos(t) * (y[1] as number);
  },
  t0: 0,
  y0: Float64Array.of(0.1, 1),
  exact: (t) => Float64Array.of(1 / (1 + 9 * Math.exp(-t)), Math.exp(Math.sin(t))),
};

/** y' = y, y(0) = 1: scipy's error-estimate test problem. */
export const exponentialGrowth: KnownSolution = {
  f: (_t, y, dy) => {
    dy[0] = y[0] as number;
  },
  t0: 0,
  y0: Float64Array.of(1),
  exact: (t) => Float64Array.of(Math.exp(t)),
};

/** max_i |a_i - b_i|. */
export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  return a.reduce((m, ai, i) => Math.max(m, Math.abs(ai - (b[i] as number))), 0);
}

/** Least-squares slope of log(err) against log(h). */
export function logLogSlope(hs: readonly number[], errs: readonly number[]): number {
  const x = hs.map(Math.log);
  const y = errs.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * ((y[i] as number) - my);
    sxx += (xi - mx) ** 2;
  });
  return sxy / sxx;
}
