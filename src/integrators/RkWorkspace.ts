import { integerInRange } from '../validate/validators.js';
import { linearCombination } from '../linalg/linearCombination.js';
import { allFinite } from './_internals/allFinite.js';
import { dop853Norm, errorNorm, errorNormDop853 } from './errorNorm.js';
import type { InitialStepWork } from './selectInitialStep.js';
import type { StepCheck } from './StepCheck.js';
import type { Tableau } from './Tableau.js';
import { type FloatTableau, tableauFloat } from './tableauFloat.js';
import type { VectorArena } from './VectorArena.js';

/** |k1 - k0| / |y1 - y0| from the two sums: Hairer's estimate of the dominant eigenvalue along a step (0 when y1 = y0). */
function stiffnessFromSums(num: number, den: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: den = 0 means y_new = Y_(s-1); both stages are then f at the same (t + h, y), so num = 0 too, and NaN fails `> limit` like 0
  return den > 0 ? Math.sqrt(num / den) : 0;
}

/** {@link stiffnessFromSums} of sum (k1 - k0)^2 and sum (y1 - y0)^2, in order over the components. */
function stiffnessEstimate(k1: Float64Array, k0: Float64Array, y1: Float64Array, y0: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < k1.length; i++) {
    num += ((k1[i] as number) - (k0[i] as number)) ** 2;
    den += ((y1[i] as number) - (y0[i] as number)) ** 2;
  }
  return stiffnessFromSums(num, den);
}

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
  /** y_{n+1} after a step (a buffer that {@link RkWorkspace.acceptState} swaps with the state's). */
  yNew: Float64Array;
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
  /** A copy of the absolute tolerances in the arena (for {@link RkWorkspace.checkStep}), and the array it copies. */
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

  /** atol into the arena's copy, unless that copy already holds this array. */
  private syncAtol(atol: Float64Array): void {
    if (this.arena !== undefined && this.atolSource !== atol) {
      this.atolBuffer.set(atol);
      this.atolSource = atol;
    }
  }

  /**
   * Buffers and operations for `selectInitialStep` before the first step: y_stage and the spare buffer as its two
   * vectors, the combinations and the norm in the arena when the vectors lie there (bitwise the same).
   */
  initialStepWork(rtol: number, atol: Float64Array): InitialStepWork {
    this.syncAtol(atol);
    return {
      y1: this.yStage,
      f1: this.spare,
      combine: (out, offset, y, h, w, k, count) => this.combine(out, offset, y, h, w, k, count),
      norm: (v, y) => this.arena?.errorNorm(v, y, y, rtol, this.atolBuffer) ?? errorNorm(v, y, y, rtol, atol),
    };
  }

  /** What {@link RkWorkspace.checkStep} reports (one object, overwritten by each check). */
  private readonly check: StepCheck = { errorNorm: 0, finite: true, derivativeFinite: true, rho: 0 };
  /** The arena kernel's sums (see {@link VectorArena.stepSums}). */
  private readonly sums = new Float64Array(6);

  /**
   * The end of a step of size h from y made by `rkStep(this, f, t, y, h, false)`: the error estimates into
   * {@link RkWorkspace.err} (and {@link RkWorkspace.err3}), their norm (`errorNormDop853` for a tableau with a
   * third-order estimate, else `errorNorm`), whether they and y_new are finite, whether the last stage is (FSAL
   * tableaus: f(t + h, y_new)), and with `stiffness` Hairer's estimate from the last two stages (FSAL with both nodes
   * at 1). In the arena when all the vectors lie there: one pass of assembly/stepKernels.ts `stepCheck`, bitwise the
   * same (atol copied there once per array). y must be finite (an integrator's state is: y0 is validated and every
   * y_new checked before it is accepted).
   */
  checkStep(y: Float64Array, h: number, rtol: number, atol: Float64Array, stiffness: boolean): StepCheck {
    const { check, k, err, err3, yNew, yStage } = this;
    const { stages: s, e, e3, fsal } = this.tableau;
    const last = k[s - 1] as Float64Array;
    this.syncAtol(atol);
    const fused =
      this.arena?.stepSums(
        this.sums,
        h,
        k,
        e as Float64Array,
        err,
        e3,
        err3,
        y,
        yNew,
        rtol,
        this.atolBuffer,
        fsal ? last : undefined,
        stiffness ? (k[s - 2] as Float64Array) : undefined,
        yStage,
      ) === true;
    if (fused) {
      const { sums } = this;
      check.errorNorm = e3 === undefined ? Math.sqrt((sums[0] as number) / this.n) : dop853Norm(sums[0] as number, sums[1] as number, this.n);
      check.finite = sums[2] === 1;
      check.derivativeFinite = sums[3] === 1;
      check.rho = stiffness ? stiffnessFromSums(sums[4] as number, sums[5] as number) : 0;
      return check;
    }
    this.combine(err, 0, undefined, h, e as Float64Array, k, s);
    if (e3 !== undefined) this.combine(err3, 0, undefined, h, e3, k, s);
    check.errorNorm =
      e3 === undefined
        ? (this.arena?.errorNorm(err, y, yNew, rtol, this.atolBuffer) ?? errorNorm(err, y, yNew, rtol, atol))
        : errorNormDop853(err, err3, y, yNew, rtol, atol);
    check.finite = this.allFinite(err) && this.allFinite(err3) && this.allFinite(yNew);
    check.derivativeFinite = !fsal || this.allFinite(last);
    check.rho = stiffness ? stiffnessEstimate(last, k[s - 2] as Float64Array, yNew, yStage) : 0;
    return check;
  }

  /**
   * The buffer that holds, or is to receive, f(t + h, y_new) after an accepted step: the last stage for an
   * FSAL tableau (already evaluated by the step), otherwise a spare buffer the caller must fill.
   */
  nextDerivative(): Float64Array {
    return this.tableau.fsal ? (this.k[this.k.length - 1] as Float64Array) : this.spare;
  }

  /**
   * Make y_new the state without copying it: returns the buffer of {@link RkWorkspace.yNew}, which becomes the state,
   * and takes `y`, the old state's buffer, as the next y_new (the two swap).
   */
  acceptState(y: Float64Array): Float64Array {
    const next = this.yNew;
    this.yNew = y;
    return next;
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
