import type { Decimal } from 'decimal.js';
import { integerInRange } from '../validate/validators.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal, type DecimalInput } from './DecimalInput.js';

/** Working digits beyond the target: the rounding of the n^3 products of each of the ~2 digits + s multiplications. */
const GUARD = 10;

/** C = A B for n x n row-major decimal matrices. */
function multiply(D: Decimal.Constructor, A: readonly Decimal[], B: readonly Decimal[], n: number): Decimal[] {
  const C: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = new D(0);
      for (let k = 0; k < n; k++) s = s.plus((A[i * n + k] as Decimal).times(B[k * n + j] as Decimal));
      C.push(s);
    }
  }
  return C;
}

/**
 * The Gram matrix X X^T of an n x p row-major matrix, and exp(-t X X^T), in decimal.js at `digits` significant
 * digits (default 30): an independent high-precision reference for the float matrix exponentials (eigendecomposition
 * and the float Taylor route). Taylor series with scaling and squaring (Moler & Van Loan 2003, method 3): with
 * `||t S||_1 / 2^s <= 1/2`, the series of `exp(-t S / 2^s)` is summed until a term's entries fall below
 * `10^-(digits + 5)` (the tail is then below twice that: the terms shrink at least geometrically by 1/2), then
 * squared s times. Each squaring can double the relative error, so the working precision is
 * `digits + 10 + s log10(2)` digits: the result keeps `digits` correct digits relative to its largest entry
 * (its entries are bounded by 1: S is positive semi-definite).
 */
export function decimalGramExpm(X: ArrayLike<DecimalInput>, n: number, p: number, t: DecimalInput, digits = 30): Decimal[] {
  integerInRange('digits', digits, 10, 200);
  const probe = decimalContext(digits + GUARD);
  const x = Array.from(X, (v, i) => readDecimal(`X[${i}]`, v, probe));
  const time = readDecimal('t', t, probe, 'nonNegative');
  // S = X X^T, exactly enough at the probe precision to size the scaling.
  const gramOf = (context: Decimal.Constructor) => {
    const S: Decimal[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = new context(0);
        for (let k = 0; k < p; k++) s = s.plus((x[i * p + k] as Decimal).times(x[j * p + k] as Decimal));
        S.push(s);
      }
    }
    return S;
  };
  let norm1 = 0;
  const S0 = gramOf(probe);
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += Math.abs((S0[i * n + j] as Decimal).toNumber());
    norm1 = Math.max(norm1, col);
  }
  let squarings = 0;
  for (let scale = time.toNumber() * norm1; scale > 0.5; scale /= 2) squarings++;
  const D = decimalContext(digits + GUARD + Math.ceil(squarings * Math.LOG10E * Math.LN2));
  const factor = time.neg().div(new D(2).pow(squarings));
  const A = gramOf(D).map((v) => v.times(factor));
  const eye = () => Array.from({ length: n * n }, (_, k) => new D(Math.floor(k / n) === k % n ? 1 : 0));
  let sum = eye();
  let term = eye();
  const small = new D(10).pow(-(digits + 5));
  for (let k = 1; k < 1000; k++) {
    term = multiply(D, term, A, n).map((v) => v.div(k));
    sum = sum.map((v, i) => v.plus(term[i] as Decimal));
    if (term.every((v) => v.abs().lt(small))) break;
  }
  for (let s = 0; s < squarings; s++) sum = multiply(D, sum, sum, n);
  return sum;
}
