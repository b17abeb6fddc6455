import { subtractInto } from '../linalg/elementwise.js';
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
}

/**
 * Initial step size by Hairer's algorithm (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.4, "Starting
 * step size"; scipy `select_initial_step`): with the norm of {@link errorNorm} at y0, d0 = ||y0||, d1 = ||f0||,
 * h0 = 0.01 d0 / d1 (1e-6 if either is < 1e-5), one explicit Euler step to estimate d2 = ||f1 - f0|| / h0, and
 * h1 = (0.01 / max(d1, d2))^(1 / (q + 1)); returns min(100 h0, h1, span). Calls f once. When f at the Euler
 * point is not finite, returns h0 (the main loop then meets the non-finite value at a real stage). Components
 * with a zero scale (atol = 0 and y0_i = 0) fall back to Hairer's h0 = 1e-6 instead of a zero step.
 */
export function selectInitialStep(p: InitialStepProblem): { readonly h: number; readonly rhsEvaluations: number } {
  const { f, t0, y0, f0, span, errorOrder, rtol, atol } = p;
  const norm = (v: Float64Array): number => errorNorm(v, y0, y0, rtol, atol);
  const d0 = norm(y0);
  const d1 = norm(f0);
  const guess = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  const h0 = Math.min(guess > 0 ? guess : 1e-6, span); // guess = 0 when d1 = Infinity (atol = 0 at a zero component)
  const y1 = new Float64Array(y0.length);
  for (let i = 0; i < y1.length; i++) y1[i] = (y0[i] as number) + h0 * (f0[i] as number);
  const f1 = new Float64Array(y0.length);
  f(t0 + h0, y1, f1);
  const d2 = norm(subtractInto(f1, f0)) / h0; // f1 - f0
  if (!Number.isFinite(d2)) return { h: h0, rhsEvaluations: 1 };
  const h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / (errorOrder + 1));
  // h1 = 0 when d1 = Infinity (atol = 0 at a zero component with a non-zero derivative): keep h0.
  return { h: Math.min(100 * h0, h1 > 0 ? h1 : h0, span), rhsEvaluations: 1 };
}
