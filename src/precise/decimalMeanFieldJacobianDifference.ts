import type { Decimal } from 'decimal.js';
import { decimalContext } from './decimalContext.js';
import { exactDecimal } from './exactDecimal.js';

/** What the decimal Jacobian difference needs of a mean-field net (the layout of `MeanFieldModel`). */
export interface MeanFieldShape {
  /** Neurons, outputs (data points), input dimension; p = m + m d. */
  readonly m: number;
  readonly n: number;
  readonly d: number;
  readonly activation: 'sigmoid' | 'tanh';
  /** Inputs x_j, n x d row-major. */
  readonly x: ArrayLike<number>;
}

/** J(v) - J(u) (n x p row-major) and ||v - u||, both in decimal. */
export interface DecimalJacobianDifference {
  readonly difference: readonly Decimal[];
  readonly distance: Decimal;
}

/**
 * J(v) - J(u) of a mean-field net h_j(w) = (n m)^(-1/2) sum_i a_i sigma(z_ij), z_ij = sqrt(m) <x_j, u_i>, and
 * ||v - u||, evaluated in decimal.js at `digits` significant digits on the exact binary values of x, u, v:
 * a-columns (n m)^(-1/2) sigma(z_ij), u-columns n^(-1/2) a_i sigma'(z_ij) x_j, for w = v and w = u, then
 * subtracted. At 40 digits the subtraction keeps ~24 digits even where the two Jacobians share 16: the reference
 * for the difference quotients of Lemma 2.1, whose float measurement loses exactly those digits.
 */
export function decimalMeanFieldJacobianDifference(net: MeanFieldShape, u: ArrayLike<number>, v: ArrayLike<number>, digits: number): DecimalJacobianDifference {
  const D = decimalContext(digits);
  const { m, n, d } = net;
  const p = m + m * d;
  const ex = (value: number) => new D(exactDecimal(value));
  const x = Array.from(net.x, ex);
  const sqrtM = D.sqrt(m);
  const cA = D.div(1, D.sqrt(n * m));
  const cU = D.div(1, D.sqrt(n));
  const sigma = (z: Decimal) => (net.activation === 'tanh' ? z.tanh() : D.div(1, z.neg().exp().plus(1)));
  const slope = (s: Decimal) => (net.activation === 'tanh' ? s.times(s).neg().plus(1) : s.times(s.neg().plus(1)));
  const jacobian = (w: readonly Decimal[]): Decimal[] => {
    const J = new Array<Decimal>(n * p);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        let z = new D(0);
        for (let k = 0; k < d; k++) z = z.plus((x[j * d + k] as Decimal).times(w[m + i * d + k] as Decimal));
        const s = sigma(z.times(sqrtM));
        J[j * p + i] = s.times(cA);
        const c = (w[i] as Decimal).times(slope(s)).times(cU);
        for (let k = 0; k < d; k++) J[j * p + m + i * d + k] = c.times(x[j * d + k] as Decimal);
      }
    }
    return J;
  };
  const wu = Array.from(u, ex);
  const wv = Array.from(v, ex);
  const Ju = jacobian(wu);
  const difference = jacobian(wv).map((jv, k) => jv.minus(Ju[k] as Decimal));
  const distance = wv.reduce((s, vi, k) => s.plus(vi.minus(wu[k] as Decimal).pow(2)), new D(0)).sqrt();
  return { difference, distance };
}
