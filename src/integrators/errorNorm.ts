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
