import { identity, matMul } from './dense.js';

/**
 * exp(-tS) for a square n x n matrix by the Taylor series with scaling and squaring (Moler & Van Loan, "Nineteen
 * dubious ways", method 3): an independent second method to the eigendecomposition route, used to certify.
 * Terms are summed until they no longer change the sum; the scaling keeps ||tS|| / 2^s <= 1/2.
 */
export function expmTaylor(S: Float64Array, n: number, t: number): Float64Array {
  let norm1 = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs(S[i * n + j] as number);
    norm1 = Math.max(norm1, col);
  }
  let squarings = 0;
  for (let scale = Math.abs(t) * norm1; scale > 0.5; scale /= 2) squarings++;
  const factor = -t / 2 ** squarings;
  const A = S.map((x) => factor * x);
  let sum = identity(n);
  let term = identity(n);
  for (let k = 1; k < 60; k++) {
    term = matMul(term, A, n);
    let largest = 0;
    for (let i = 0; i < term.length; i++) {
      term[i] = (term[i] as number) / k;
      largest = Math.max(largest, Math.abs(term[i] as number));
    }
    sum = sum.map((x, i) => x + (term[i] as number));
    if (largest < 1e-18) break;
  }
  for (let s = 0; s < squarings; s++) sum = matMul(sum, sum, n);
  return sum;
}
