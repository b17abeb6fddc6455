import { recheck, type Decision } from '../check/judge.js';
import { tightness } from '../statements/tightness.js';
import type { Reading, Statement } from '../statements/Statement.js';

/** Relative spread of the ratio across the measurements below which a worst ratio counts as certified. */
export const RATIO_AGREEMENT = 1e-6;

/** The re-check of one case: its ratio by every method, and whether they agree. */
export interface Certification {
  readonly ratio: number;
  readonly verdict: 'pass' | 'violation';
  /**
   * The verdict stands beyond the uncertainty, and the ratios agree to 1e-6 (relative): the tight one with the
   * reference's when there is one, else the working and the tight ones (and the second method's).
   */
  readonly certified: boolean;
  /**
   * 'tight' (rtol/100 re-solve, or the second algorithm of a matrix statement), 'second' (a float method of another
   * order) and 'decimal' (the closed form of a scalar flow, or the Taylor solve of a quadratic one).
   */
  readonly methods: readonly string[];
  readonly ratios: { readonly primary: number; readonly tight: number; readonly reference?: number };
  readonly margin: number;
  readonly uncertainty: number;
  /** Active branch of the bound at the tight measurement, and its split when the bound splits it (`Bound.split`). */
  readonly branch?: string;
  readonly split?: string;
  /** The deciding method, with its digits and error bound when it is the decimal reference. */
  readonly decidedBy: Decision;
}

/**
 * Re-check a case (the search's worst): measure it again, with every method forced (the second float method, and
 * the decimal.js reference of a scalar or quadratic flow, computed even far from equality), and compare the ratios.
 */
export function certifyCase<C, M>(statement: Statement<C, M>, reading: Reading<M>, c: C): Certification {
  const r = recheck(statement.relation, reading, statement.measure(c), true);
  const ratios = {
    primary: tightness(statement.relation, r.primaryBound),
    tight: tightness(statement.relation, r.tightBound),
    ...(r.referenceBound && { reference: tightness(statement.relation, r.referenceBound) }),
  };
  const gap = (x: number) => (x === r.ratio ? 0 : Math.abs(x - r.ratio)); // equal infinite ratios (rhs = 0) agree
  // With a reference, the working measurement is superseded: the tight one must agree with the reference (Lemma 2.1's
  // float quotient loses the digits J(u), J(v) share: 1.0000047 against the reference's 0.99999999943).
  const compared = r.referenceBound === undefined ? Object.values(ratios) : [ratios.tight, ratios.reference ?? ratios.tight];
  const spread = Math.max(...compared.map(gap)) / Math.max(Math.abs(r.ratio), Number.MIN_VALUE);
  return {
    ratio: r.ratio,
    // The judge's call: a positive margin within the operands' rounding level is an equality, a pass.
    verdict: r.verdict === 'violation' ? 'violation' : 'pass',
    certified: r.verdict !== 'undecided' && spread <= RATIO_AGREEMENT,
    methods: ['tight', ...(r.float.compared.includes('second') ? ['second'] : []), ...(r.referenceBound ? ['decimal'] : [])],
    ratios,
    margin: r.margin,
    uncertainty: r.uncertainty,
    ...(r.bound.branch !== undefined && { branch: r.bound.branch }),
    ...(r.bound.split !== undefined && { split: r.bound.split }),
    decidedBy: r.decidedBy,
  };
}
