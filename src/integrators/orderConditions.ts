import { Decimal } from 'decimal.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange } from '../validate/validators.js';
import { parseRational, rationalToDecimal } from './_internals/rational.js';
import { type RootedTree, rootedTrees } from './_internals/rootedTrees.js';
import type { Rational } from './Tableau.js';

/** One order condition evaluated by {@link orderConditions}. */
export interface OrderCondition {
  /** The tree in bracket notation (`t`, `[t]`, `[t t]`, `[[t]]`, ...). */
  readonly tree: string;
  /** Its order rho(t). */
  readonly order: number;
  /** sum_i w_i Phi_i(t) - target(t), at the requested precision. */
  readonly residual: Decimal;
}

/** Options of {@link orderConditions}. */
export interface OrderConditionOptions {
  /** Significant digits of the decimal arithmetic. Default 40. */
  readonly precision?: number;
  /**
   * Check the coefficient of theta^thetaPower of a continuous extension (`w` a column of `dense.P`): the target is
   * 1/gamma(t) for trees of order thetaPower and 0 for the others. Default: the plain conditions, target 1/gamma(t).
   */
  readonly thetaPower?: number;
}

/**
 * The Runge-Kutta order conditions sum_i w_i Phi_i(t) = 1 / gamma(t) for every rooted tree t with at most
 * `maxOrder` vertices (Butcher 1963; Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.2, Theorem 2.13),
 * evaluated exactly from the rational strings in decimal.js at `precision` digits (its own
 * `Decimal.clone`, never the global configuration). Phi uses A 1 for the nodes, so the row-sum condition
 * c = A 1 is separate. A: s rows, row i of length i (explicit); w: length s. maxOrder in [1, 8].
 */
export function orderConditions(
  A: readonly (readonly Rational[])[],
  w: readonly Rational[],
  maxOrder: number,
  options: OrderConditionOptions = {},
): OrderCondition[] {
  integerInRange('maxOrder', maxOrder, 1, 8);
  const precision = integerInRange('options.precision', options.precision ?? 40, 20, 1000);
  const s = w.length;
  if (A.length !== s || A.some((row, i) => row.length !== i)) throw new NtkInputError('A', A, `${s} rows, row i of length i`);
  for (const x of [...A.flat(), ...w]) {
    if (parseRational(x) === undefined) throw new NtkInputError('coefficient', x, "a rational string such as '-56/15'");
  }
  const D = Decimal.clone({ precision });
  const a = A.map((row) => row.map((x) => rationalToDecimal(x, D)));
  const weights = w.map((x) => rationalToDecimal(x, D));
  const trees = rootedTrees(maxOrder);
  // (A Phi(t))_i = sum_{j<i} a_ij Phi_j(t)
  const aTimes = (v: readonly Decimal[]): Decimal[] => a.map((row) => row.reduce((acc, aij, j) => acc.plus(aij.times(v[j] as Decimal)), new D(0)));
  const aPhi: Decimal[][] = [];
  return trees.map((t: RootedTree, index) => {
    const p = Array.from({ length: s }, (_, i) => t.children.reduce((acc, ch) => acc.times((aPhi[ch] as Decimal[])[i] as Decimal), new D(1)));
    aPhi[index] = aTimes(p);
    const value = weights.reduce((acc, wi, i) => acc.plus(wi.times(p[i] as Decimal)), new D(0));
    const target = options.thetaPower === undefined || options.thetaPower === t.order ? new D(1).div(t.gamma) : new D(0);
    return { tree: t.label, order: t.order, residual: value.minus(target) };
  });
}
