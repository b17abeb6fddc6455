/**
 * Hairer's scaled RMS norm of an error estimate (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.4,
 * eq. (4.11)): sqrt( (1/n) sum_i (err_i / sc_i)^2 ) with sc_i = atol_i + rtol max(|y_i|, |yNew_i|).
 * A component with err_i = 0 contributes 0 even when sc_i = 0; err_i != 0 with sc_i = 0 gives Infinity
 * (a step that must be rejected). NaN in err propagates. All arrays have length n; allocates nothing.
 */
export function errorNorm(err: Float64Array, y: Float64Array, yNew: Float64Array, rtol: number, atol: Float64Array): number {
  const n = err.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = err[i] as number;
    if (e === 0) continue;
    const sc = (atol[i] as number) + rtol * Math.max(Math.abs(y[i] as number), Math.abs(yNew[i] as number));
    const r = e / sc;
    sum += r * r;
  }
  return Math.sqrt(sum / n);
}

/**
 * DOP853's error norm (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.10; Hairer's `dop853.f`, scipy's
 * `DOP853`): with E5 = ||err5 / sc||^2 and E3 = ||err3 / sc||^2 (sums over the components, sc as in
 * {@link errorNorm}), err = E5 / sqrt(n (E5 + 0.01 E3)) — the 5th-order estimate, damped where the 3rd-order one
 * is much larger, so that it behaves like an error of order 7 (0 when both vanish). Allocates nothing.
 */
export function errorNormDop853(err5: Float64Array, err3: Float64Array, y: Float64Array, yNew: Float64Array, rtol: number, atol: Float64Array): number {
  const n = err5.length;
  let e5 = 0;
  let e3 = 0;
  for (let i = 0; i < n; i++) {
    const sc = (atol[i] as number) + rtol * Math.max(Math.abs(y[i] as number), Math.abs(yNew[i] as number));
    const a = (err5[i] as number) / sc;
    const b = (err3[i] as number) / sc;
    e5 += a * a;
    e3 += b * b;
  }
  return dop853Norm(e5, e3, n);
}

/**
 * {@link errorNormDop853} from its two sums over the n components, E5 = ||err5 / sc||^2 and E3 = ||err3 / sc||^2:
 * E5 / sqrt(n (E5 + 0.01 E3)), 0 when both vanish (for a kernel that forms the sums, src/integrators/RkWorkspace.ts).
 */
export function dop853Norm(e5: number, e3: number, n: number): number {
  const denominator = e5 + 0.01 * e3;
  return denominator > 0 ? e5 / Math.sqrt(n * denominator) : 0;
}
