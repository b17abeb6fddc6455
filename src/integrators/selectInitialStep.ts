import { linearCombination } from '../linalg/linearCombination.js';
import { errorNorm } from './errorNorm.js';
import type { Rhs } from './Rhs.js';

/** Inputs of {@link selectInitialStep}. */
export interface InitialStepProblem {
  readonly f: Rhs;
  readonly t0: number;
  readonly y0: Float64Array;
  /** f(t0, y0), already evaluated. */
  readonly f0: Float64Array;
  /** Length of the integration interval (> 0); the step never exceeds it. */
  readonly span: number;
  /** Order q of the error estimate (the local error is O(h^(q+1))). */
  readonly errorOrder: number;
  readonly rtol: number;
  /** Length n. */
  readonly atol: Float64Array;
  /**
   * An a-priori Euclidean size S of y(t) - y0 over the span (a bound or an estimate), for a y0 whose own size says
   * nothing about the solution's (y0 = 0, as for a displacement): d0 becomes max(||y0||, ||(S / sqrt(n)) 1||), S spread
   * evenly over the components and measured in the same norm. Default: none (d0 = ||y0||, Hairer's and scipy's rule).
   */
  readonly scale?: number;
  /** A solver's own buffers and vector operations (e.g. in its vector arena); default: two new vectors, TypeScript. */
  readonly work?: InitialStepWork;
}

/**
 * Where {@link selectInitialStep} may work: two vectors of length n it may overwrite, and the combination and the norm
 * it takes (the results are bitwise those without: `linearCombination`'s and `errorNorm`'s).
 */
export interface InitialStepWork {
  /** Receives the Euler point y0 + h0 f0. */
  readonly y1: Float64Array;
  /** Receives f there, then f1 - f0. */
  readonly f1: Float64Array;
  /** `linearCombination(out, offset, y, h, w, k, count)` (src/linalg/linearCombination.ts), bitwise. */
  readonly combine: typeof linearCombination;
  /** `errorNorm(v, y, y, rtol, atol)` with the problem's tolerances, bitwise. */
  readonly norm: (v: Float64Array, y: Float64Array) => number;
}

const ONE = [1];
const MINUS_ONE = [-1];

/**
 * Initial step size by Hairer's algorithm (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.4, "Starting
 * step size"; scipy `select_initial_step`): with the norm of {@link errorNorm} at y0, d0 = ||y0||, d1 = ||f0||,
 * h0 = 0.01 d0 / d1 (1e-6 if either is < 1e-5), one explicit Euler step to estimate d2 = ||f1 - f0|| / h0, and
 * h1 = (0.01 / max(d1, d2))^(1 / (q + 1)); returns min(100 h0, h1, span). Calls f once. When f at the Euler
 * point is not finite, returns h0 (the main loop then meets the non-finite value at a real stage). Components
 * with a zero scale (atol = 0 and y0_i = 0) fall back to Hairer's h0 = 1e-6 instead of a zero step. With `scale`,
 * d0 is at least the size of the expected change: a zero y0 then no longer falls back to h0 = 1e-6, whose cap 100 h0
 * makes the first steps grow 10x at a time (four wasted steps from 1e-4 to ~1).
 */
export function selectInitialStep(p: InitialStepProblem): { readonly h: number; readonly rhsEvaluations: number } {
  const { f, t0, y0, f0, span, errorOrder, rtol, atol, scale, work } = p;
  const norm = (v: Float64Array): number => (work === undefined ? errorNorm(v, y0, y0, rtol, atol) : work.norm(v, y0));
  const combine = work?.combine ?? linearCombination;
  const y1 = work?.y1 ?? new Float64Array(y0.length);
  const f1 = work?.f1 ?? new Float64Array(y0.length);
  // d0 = max(||y0||, ||(S / sqrt(n)) 1||): y1 holds the spread vector until the Euler point overwrites it
  const d0 = scale === undefined ? norm(y0) : Math.max(norm(y0), norm(y1.fill(scale / Math.sqrt(y0.length))));
  const d1 = norm(f0);
  const guess = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  const h0 = Math.min(guess > 0 ? guess : 1e-6, span); // guess = 0 when d1 = Infinity (atol = 0 at a zero component)
  combine(y1, 0, y0, h0, ONE, [f0], 1); // y0 + h0 f0
  f(t0 + h0, y1, f1);
  combine(f1, 0, f1, 1, MINUS_ONE, [f0], 1); // f1 + (-1) f0 = f1 - f0 exactly
  const d2 = norm(f1) / h0;
  if (!Number.isFinite(d2)) return { h: h0, rhsEvaluations: 1 };
  const h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / (errorOrder + 1));
  // h1 = 0 when d1 = Infinity (atol = 0 at a zero component with a non-zero derivative): keep h0.
  return { h: Math.min(100 * h0, h1 > 0 ? h1 : h0, span), rhsEvaluations: 1 };
}
