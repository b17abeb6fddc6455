/** 1/k! for k = 0..8 (MAX_PHI of phiFunctions.ts). */
const INVERSE_FACTORIAL = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320];

/** sum_j z^j / (j + k)!: the Taylor series of phi_k; the terms shrink for |z| < k + 1. */
function phiTaylor(z: number, k: number): number {
  let term = INVERSE_FACTORIAL[k] as number;
  let sum = term;
  for (let j = 1; j < 60; j++) {
    term *= z / (j + k);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * phi_1..phi_kMax(z) into out[offset + 1..offset + kMax] (out[offset] untouched: phi_0 = exp(z) is the caller's),
 * unchecked: the evaluation of `phiFunctions` (which documents the scheme and checks its arguments) for callers that
 * guarantee a finite z and an integer kMax in [1, 8], such as the exponential stepper's per-step tables, most of
 * which never read phi_0. Allocates nothing.
 */
export function phiInto(z: number, kMax: number, out: Float64Array, offset: number): void {
  const a = Math.abs(z);
  if (a < 1) {
    // one Taylor series for the highest index, then down: phi_k = 1/k! + z phi_(k+1) (errors shrink by |z| < 1)
    out[offset + kMax] = phiTaylor(z, kMax);
    for (let k = kMax - 1; k >= 1; k--) out[offset + k] = (INVERSE_FACTORIAL[k] as number) + z * (out[offset + k + 1] as number);
    return;
  }
  out[offset + 1] = Math.expm1(z) / z;
  for (let k = 2; k <= kMax; k++) {
    out[offset + k] = a >= k - 1 ? ((out[offset + k - 1] as number) - (INVERSE_FACTORIAL[k - 1] as number)) / z : phiTaylor(z, k);
  }
}
