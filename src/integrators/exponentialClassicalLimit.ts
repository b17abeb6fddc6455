import { parseRational } from './_internals/rational.js';
import { parsePhiTerm } from './defineExponentialMethod.js';
import type { ExponentialMethod, PhiCombination } from './ExponentialMethod.js';
import type { Rational } from './Tableau.js';

const FACTORIAL = [1n, 1n, 2n, 6n, 24n];

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** sum_t w_t / k_t!, exactly, as a Rational string. */
function atZero(terms: PhiCombination): Rational {
  let num = 0n;
  let den = 1n;
  for (const text of terms) {
    const t = parsePhiTerm(text);
    if (t === undefined) throw new RangeError(`not a phi term: ${text}`);
    const w = parseRational(t.weight);
    if (w === undefined) throw new RangeError(`not a rational: ${t.weight}`);
    const d = w.den * (FACTORIAL[t.k] as bigint);
    num = num * d + w.num * den;
    den *= d;
    const g = gcd(num, den) || 1n;
    num /= g;
    den /= g;
  }
  return den === 1n ? num.toString() : `${num}/${den}`;
}

/**
 * The classical Runge-Kutta tableau an exponential method reduces to when the linear part vanishes
 * (phi_k(0) = 1/k!), in exact rationals: its order conditions are the non-stiff order conditions of the method
 * (Hochbruck & Ostermann, Acta Numerica 2010, Sec. 2.3), checked by the test suite with `orderConditions`.
 */
export function exponentialClassicalLimit(m: ExponentialMethod): { c: readonly Rational[]; A: Rational[][]; b: Rational[]; bHat: Rational[] } {
  return { c: m.c, A: m.A.map((row) => row.map(atZero)), b: m.b.map(atZero), bHat: m.bHat.map(atZero) };
}
