import { recheck } from '../check/judge.js';
import { tightness } from '../statements/tightness.js';
import type { Reading, Statement } from '../statements/Statement.js';

/** Relative spread of the ratio across the measurements below which a worst ratio counts as certified. */
const RATIO_AGREEMENT = 1e-6;

/** The re-check of one case: its ratio by every method, and whether they agree. */
export interface Certification {
  readonly ratio: number;
  readonly verdict: 'pass' | 'violation';
  /** The verdict stands beyond the uncertainty, and the ratios agree to 1e-6 (relative). */
  readonly certified: boolean;
  /** 'tight' (rtol/100 re-solve, or the second algorithm of a matrix statement) and 'decimal' (scalar flows). */
  readonly methods: readonly string[];
  readonly ratios: { readonly primary: number; readonly tight: number; readonly reference?: number };
  readonly margin: number;
  readonly uncertainty: number;
}

/**
 * Re-check a case (the search's worst): measure it again, with the second method forced (the decimal.js
 * reference of a scalar flow, computed even far from equality), and compare the ratios.
 */
export function certifyCase<C, M>(statement: Statement<C, M>, reading: Reading<M>, c: C): Certification {
  const r = recheck(statement.relation, reading, statement.measure(c));
  const ratios = {
    primary: tightness(statement.relation, r.primaryBound),
    tight: r.ratio,
    ...(r.referenceBound && { reference: tightness(statement.relation, r.referenceBound) }),
  };
  const gap = (x: number) => (x === r.ratio ? 0 : Math.abs(x - r.ratio)); // equal infinite ratios (rhs = 0) agree
  const spread = Math.max(...Object.values(ratios).map(gap)) / Math.max(Math.abs(r.ratio), Number.MIN_VALUE);
  return {
    ratio: r.ratio,
    verdict: r.margin > 0 ? 'violation' : 'pass',
    certified: r.confirmed && spread <= RATIO_AGREEMENT,
    methods: ['tight', ...(r.referenceBound ? ['decimal'] : [])],
    ratios,
    margin: r.margin,
    uncertainty: r.uncertainty,
  };
}
