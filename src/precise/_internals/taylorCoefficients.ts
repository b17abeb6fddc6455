import type { Decimal } from 'decimal.js';

/** The scalar model's data in the working constructor: h(w) = a w + b w^2/2, scale alpha, target y*. */
export interface QuadraticFlowData {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly yStar: Decimal;
  readonly alpha: Decimal;
}

/**
 * Taylor coefficients `w_0..w_order` of the solution of `dw/dt = (1/alpha)(a + b w)(y* - alpha(a w + b w^2/2))`
 * through `w(t0) = w_0`, by the recurrence of automatic differentiation: with `S = w^2` (Cauchy product
 * `S_k = sum_i w_i w_(k-i)`), `A = a + b w` (`A_0 = a + b w_0`, `A_k = b w_k`) and
 * `G = y* - alpha (a w + b S/2)` (`G_0 = y* - alpha h(w_0)`, `G_k = -alpha (a w_k + b S_k/2)`), the
 * right-hand side has coefficients `f_k = (1/alpha) sum_i A_i G_(k-i)`, and `w_(k+1) = f_k / (k+1)`.
 * Cost O(order^2) multiplications; every coefficient is exact up to the rounding of `D`.
 *
 * Reference: A. Jorba, M. Zou, "A software package for the numerical integration of ODEs by means of
 * high-order Taylor methods", Experimental Mathematics 14(1), 2005, §2 (recurrences for products).
 */
export function taylorCoefficients(D: Decimal.Constructor, f: QuadraticFlowData, w0: Decimal, order: number): Decimal[] {
  const w: Decimal[] = [w0];
  // Stryker disable next-line ArrayDeclaration: S is only appended to (each S_k is used as s in its own iteration)
  const S: Decimal[] = [];
  const A: Decimal[] = [];
  const G: Decimal[] = [];
  const halfB = f.b.div(2);
  const invAlpha = new D(1).div(f.alpha);
  // Stryker disable next-line EqualityOperator: equivalent: k <= order computes one more coefficient than any caller reads
  for (let k = 0; k < order; k++) {
    const wk = w[k] as Decimal;
    // S_k = 2 sum_{i < k/2} w_i w_{k-i} (+ w_{k/2}^2 when k is even): the symmetric half of the product.
    let s = new D(0);
    for (let i = 0; 2 * i < k; i++) s = s.plus((w[i] as Decimal).times(w[k - i] as Decimal));
    s = s.times(2);
    if (k % 2 === 0) s = s.plus((w[k / 2] as Decimal).times(w[k / 2] as Decimal));
    S.push(s);
    A.push(k === 0 ? f.a.plus(f.b.times(wk)) : f.b.times(wk));
    const h = f.a.times(wk).plus(halfB.times(s));
    G.push(k === 0 ? f.yStar.minus(f.alpha.times(h)) : f.alpha.times(h).neg());
    let fk = new D(0);
    for (let i = 0; i <= k; i++) fk = fk.plus((A[i] as Decimal).times(G[k - i] as Decimal));
    w.push(fk.times(invAlpha).div(k + 1));
  }
  return w;
}
