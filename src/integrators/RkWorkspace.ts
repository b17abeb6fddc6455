import { integerInRange } from '../validate/validators.js';
import { linearCombination } from '../linalg/linearCombination.js';
import { allFinite } from './_internals/allFinite.js';
import { errorNorm, errorNormDop853 } from './errorNorm.js';
import type { Tableau } from './Tableau.js';
import { type FloatTableau, tableauFloat } from './tableauFloat.js';
import type { VectorArena } from './VectorArena.js';

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
  /** Where the buffers live when not in ordinary memory (their combinations then run there). */
  readonly arena: VectorArena | undefined;
  /** The arena's vectors this workspace holds (returned by {@link RkWorkspace.release}). */
  private readonly borrowed: readonly Float64Array[];
  /** The state of the solve, in the arena (see {@link RkWorkspace.state}). */
  private readonly stateBuffer: Float64Array;
  /** A copy of the absolute tolerances in the arena (for {@link RkWorkspace.errorNorm}), and the array it copies. */
  private readonly atolBuffer: Float64Array;
  private atolSource: Float64Array | undefined;

  /** Buffers for `tableau` in dimension n, in `arena` when given (the same results, computed natively). */
  constructor(tableau: Tableau, n: number, arena?: VectorArena) {
    integerInRange('n', n, 1, 2 ** 31 - 1);
    this.tableau = tableauFloat(tableau);
    this.n = n;
    this.arena = arena;
    const { stages, e3, extraC } = this.tableau;
    // one allocation for all (a second one could move the arena's memory under the first one's views)
    const count = stages + 6 + (e3 === undefined ? 0 : 1) + extraC.length;
    const buffers = arena === undefined ? Array.from({ length: count }, () => new Float64Array(n)) : arena.borrow(count, n);
    this.borrowed = arena === undefined ? [] : [...buffers];
    const take = (): Float64Array => buffers.pop() as Float64Array;
    this.k = Array.from({ length: stages }, take);
    this.yStage = take();
    this.yNew = take();
    this.err = take();
    this.err3 = e3 === undefined ? new Float64Array(0) : take();
    this.kExtra = Array.from(extraC, take);
    this.spare = take();
    this.stateBuffer = take();
    this.atolBuffer = take();
  }

  /** The vector to hold the solve's state, set to y: y itself without an arena, the arena's state buffer with one. */
  state(y: Float64Array): Float64Array {
    if (this.arena === undefined) return y;
    this.stateBuffer.set(y);
    return this.stateBuffer;
  }

  /** Hand the arena's vectors back (the workspace is not used afterwards); nothing to do without an arena. */
  release(): void {
    this.arena?.release(this.borrowed);
  }

  /** `linearCombination(out, offset, y, h, w, k, count)`, in the arena when it holds all the vectors. */
  combine(out: Float64Array, offset: number, y: Float64Array | undefined, h: number, w: ArrayLike<number>, k: readonly Float64Array[], count: number): void {
    if (this.arena?.combine(out, offset, y, h, w, k, count) !== true) linearCombination(out, offset, y, h, w, k, count);
  }

  /** Whether every entry of v is finite (`allFinite`), in the arena when v lies there. */
  allFinite(v: Float64Array): boolean {
    return this.arena?.allFinite(v) ?? allFinite(v);
  }

  /**
   * The error norm of the last step from {@link RkWorkspace.err} (and {@link RkWorkspace.err3}), y and
   * {@link RkWorkspace.yNew}: `errorNormDop853` for a tableau with a third-order estimate, else `errorNorm`, the
   * latter in the arena when the vectors lie there (atol copied there once per array; bitwise the same norm).
   */
  errorNorm(y: Float64Array, rtol: number, atol: Float64Array): number {
    if (this.tableau.e3 !== undefined) return errorNormDop853(this.err, this.err3, y, this.yNew, rtol, atol);
    if (this.arena !== undefined && this.atolSource !== atol) {
      this.atolBuffer.set(atol);
      this.atolSource = atol;
    }
    return this.arena?.errorNorm(this.err, y, this.yNew, rtol, this.atolBuffer) ?? errorNorm(this.err, y, this.yNew, rtol, atol);
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
