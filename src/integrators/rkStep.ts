import type { Rhs } from './Rhs.js';
import type { RkWorkspace } from './RkWorkspace.js';

/**
 * One step of the explicit Runge-Kutta method of `ws.tableau` from (t, y) with step h (Hairer, Norsett & Wanner,
 * *Solving ODEs I*, Sec. II.1, eq. (1.8); the stage loop of scipy's `rk_step`). Allocates nothing.
 *
 * Precondition: `ws.k[0]` holds f(t, y) (the caller owns the first stage, which FSAL methods reuse).
 * Effect: fills `ws.k[1..s-1]`, writes y_{n+1} into `ws.yNew` and, for an embedded pair, the error estimate
 * h sum_i (b_i - bHat_i) k_i into `ws.err` (and h sum_i (b_i - bLow_i) k_i into `ws.err3` when the tableau has `bLow`). For an FSAL tableau the last stage is f(t + h, y_{n+1}).
 * Calls f exactly s - 1 times. `y` is read only; it must not be a buffer the step writes (the stages, y_stage, y_new, the estimates). No finiteness check:
 * the drivers check the outputs. With `estimate` false the error estimates are left unwritten (the adaptive driver
 * forms them with their norm, {@link RkWorkspace.checkStep}).
 */
export function rkStep(ws: RkWorkspace, f: Rhs, t: number, y: Float64Array, h: number, estimate = true): void {
  const { stages: s, A, b, c, e, e3, fsal } = ws.tableau;
  const { k, yStage, yNew, err, err3 } = ws;
  for (let i = 1; i < s; i++) {
    if (fsal && i === s - 1) {
      ws.combine(yNew, 0, y, h, b, k, s - 1); // A[s-1] = b: the last stage is evaluated at y_new
      f(t + h, yNew, k[i] as Float64Array);
    } else {
      ws.combine(yStage, 0, y, h, A[i] as Float64Array, k, i);
      f(t + (c[i] as number) * h, yStage, k[i] as Float64Array);
    }
  }
  // Stryker disable next-line ConditionalExpression: equivalent for `true`: an FSAL tableau has b[s-1] = 0, a weight linearCombination skips, so y_new is recomputed identically
  if (!fsal) ws.combine(yNew, 0, y, h, b, k, s);
  if (!estimate) return;
  if (e !== undefined) ws.combine(err, 0, undefined, h, e, k, s);
  if (e3 !== undefined) ws.combine(err3, 0, undefined, h, e3, k, s);
}
