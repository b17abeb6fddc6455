import { formatSignificant } from '../precise/index.js';
import { converseAt } from './converseAt.js';

/** One row of the converse table: decimal strings (kappa exact; the rest correctly rounded to `digits`). */
export interface ConverseRow {
  readonly kappa: string;
  /** E(T) / sqrt(R0) of the converse model. */
  readonly E: string;
  /** Thm 1.3 lower bound min(kappa, 1) / 5 (over sqrt(R0)). */
  readonly lowerBound: string;
  /** Thm 1.2 upper bound min(6 kappa, sqrt 8) (over sqrt(R0)). */
  readonly upperBound: string;
  /** E / lowerBound and E / upperBound, 6 significant digits (both must be >= 1 and <= 1 respectively). */
  readonly overLower: string;
  readonly overUpper: string;
}

/** The converse table of the report. */
export interface ConverseTable {
  readonly digits: number;
  readonly rows: readonly ConverseRow[];
}

/** Significant digits of the table (docs/theory.md: the closed form at 50+ digits is the reference). */
export const CONVERSE_DIGITS = 50;

/** kappa grid: {1, 2, 5} x 10^k, k = -3..2, then 1000 — exact decimals, about three points per decade. */
export const CONVERSE_KAPPAS: readonly string[] = [...[-3, -2, -1, 0, 1, 2].flatMap((k) => ['1', '2', '5'].map((d) => `${d}e${k}`)), '1e3'];

const RATIO_DIGITS = 6;

/**
 * The converse model (Thm. 1.3) on a log grid of kappa at `digits` significant digits, through the
 * decimal.js closed form of `src/precise` (correctly rounded): E / sqrt(R0) between its Thm 1.3 lower bound
 * and its Thm 1.2 upper bound.
 */
export function converseTable(kappas: readonly string[] = CONVERSE_KAPPAS, digits = CONVERSE_DIGITS): ConverseTable {
  const rows = kappas.map((kappa): ConverseRow => {
    const model = converseAt(kappa, digits);
    const { E, lowerBound, upperBound } = model;
    return {
      kappa: model.params.lip.toString(),
      E: formatSignificant(E, digits),
      lowerBound: formatSignificant(lowerBound, digits),
      upperBound: formatSignificant(upperBound, digits),
      overLower: formatSignificant(E.div(lowerBound), RATIO_DIGITS),
      overUpper: formatSignificant(E.div(upperBound), RATIO_DIGITS),
    };
  });
  return { digits, rows };
}
