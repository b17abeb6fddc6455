import { integerInRange } from '../validate/validators.js';
import type { Tableau } from './Tableau.js';
import { type FloatTableau, tableauFloat } from './tableauFloat.js';

/**
 * Preallocated buffers for {@link rkStep} with one tableau and one state dimension n, so that a step allocates
 * nothing (the layout of scipy's `K` array, `integrate/_ivp/rk.py`). Create one per solve; not shareable
 * between concurrent solves.
 */
export class RkWorkspace {
  readonly tableau: FloatTableau;
  readonly n: number;
  /** Stage derivatives k_0..k_{s-1}, each of length n. k[0] must hold f(t, y) before a step. */
  readonly k: Float64Array[];
  /** Argument of the current stage evaluation. */
  readonly yStage: Float64Array;
  /** y_{n+1} after a step. */
  readonly yNew: Float64Array;
  /** Error estimate h sum_i (b_i - bHat_i) k_i after a step (stays zero without an embedded pair). */
  readonly err: Float64Array;
  /** Low-order error estimate h sum_i (b_i - bLow_i) k_i after a step (stays zero without `bLow`). */
  readonly err3: Float64Array;
  /** Derivatives at the dense output's extra stages (empty without them), filled by the dense recorder. */
  readonly kExtra: Float64Array[];
  /** Holds f(t + h, y_new) for methods that are not FSAL (see {@link RkWorkspace.nextDerivative}). */
  private spare: Float64Array;

  constructor(tableau: Tableau, n: number) {
    integerInRange('n', n, 1, 2 ** 31 - 1);
    this.tableau = tableauFloat(tableau);
    this.n = n;
    this.k = Array.from({ length: this.tableau.stages }, () => new Float64Array(n));
    this.yStage = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.err = new Float64Array(n);
    this.err3 = new Float64Array(this.tableau.e3 === undefined ? 0 : n);
    this.kExtra = Array.from(this.tableau.extraC, () => new Float64Array(n));
    this.spare = new Float64Array(n);
  }

  /**
   * The buffer that holds, or is to receive, f(t + h, y_new) after an accepted step: the last stage for an
   * FSAL tableau (already evaluated by the step), otherwise a spare buffer the caller must fill.
   */
  nextDerivative(): Float64Array {
    return this.tableau.fsal ? (this.k[this.k.length - 1] as Float64Array) : this.spare;
  }

  /** Make {@link RkWorkspace.nextDerivative} the first stage of the next step (swaps buffers, copies nothing). */
  advance(): void {
    const next = this.nextDerivative();
    const first = this.k[0] as Float64Array;
    this.k[0] = next;
    if (this.tableau.fsal) this.k[this.k.length - 1] = first;
    else this.spare = first;
  }
}
