import type { ExponentialStage, ExponentialStageLayout } from './ExponentialStage.js';

/**
 * Where an integrator may keep its work vectors so that their updates run natively: a block of memory that also
 * computes linear combinations of the vectors it holds (src/kernels/WasmVectors.ts: WebAssembly SIMD). Its results
 * are bitwise those of `linearCombination` (src/linalg/linearCombination.ts), so a solve is the same
 * with or without an arena.
 */
export interface VectorArena {
  /**
   * `count` zero-initialized vectors of length n in the arena, for the caller alone until it hands them back with
   * {@link VectorArena.release} (a solve borrows its work vectors once and returns them when it ends).
   */
  borrow(count: number, n: number): Float64Array[];
  /** Zero-initialized vectors of the given lengths in the arena, as {@link VectorArena.borrow} (in one call, so that none moves under another). */
  borrowEach(lengths: readonly number[]): Float64Array[];
  /**
   * A native twin of the exponential stepper's stage work on `layout` (whose arrays the caller borrowed from this arena
   * in one call), bitwise its TypeScript path; undefined when the arena has none or the layout does not lie in it.
   */
  exponentialStage(layout: ExponentialStageLayout): ExponentialStage | undefined;
  /** Return vectors from {@link VectorArena.borrow} (the caller no longer reads or writes them). */
  release(vectors: readonly Float64Array[]): void;
  /**
   * out[offset + m] = y[m] + h sum_{j<count} w_j k_j[m] (without y when undefined), as `linearCombination`, when out,
   * y and the k_j with a non-zero weight all lie in the arena: then true. false (nothing written) otherwise.
   */
  combine(out: Float64Array, offset: number, y: Float64Array | undefined, h: number, w: ArrayLike<number>, k: readonly Float64Array[], count: number): boolean;
  /** Whether every entry of v is finite, computed in the arena when v lies there; undefined (nothing done) otherwise. */
  allFinite(v: Float64Array): boolean | undefined;
  /**
   * `errorNorm(err, y, yNew, rtol, atol)` (src/integrators/errorNorm.ts), bitwise, computed in the arena when all
   * five vectors lie there; undefined (nothing done) otherwise.
   */
  errorNorm(err: Float64Array, y: Float64Array, yNew: Float64Array, rtol: number, atol: Float64Array): number | undefined;
  /**
   * The end of an embedded Runge-Kutta step in one pass, when all the vectors lie in the arena (then true; false,
   * nothing done, otherwise): err = h sum_j e_j k_j and, with e3, err3 = h sum_j e3_j k_j (as `combine`), then into
   * `sums`: [0] the error norm's sum over the components, `errorNorm`'s without e3 and `errorNormDop853`'s E5 with it,
   * [1] E3 (0 without e3), [2] 1 when err, err3 and yNew are finite (else 0), [3] 1 when fNew is (1 without fNew),
   * [4] sum (fNew - kPrev)^2 and [5] sum (yNew - yStage)^2 with kPrev (else 0), each sum in order over the components
   * (src/integrators/RkWorkspace.ts `checkStep`, bitwise for a finite y, as an integrator's state is).
   */
  stepSums(
    sums: Float64Array,
    h: number,
    k: readonly Float64Array[],
    e: ArrayLike<number>,
    err: Float64Array,
    e3: ArrayLike<number> | undefined,
    err3: Float64Array,
    y: Float64Array,
    yNew: Float64Array,
    rtol: number,
    atol: Float64Array,
    fNew: Float64Array | undefined,
    kPrev: Float64Array | undefined,
    yStage: Float64Array,
  ): boolean;
  /** True when every vector handed out so far is still readable (the arena's memory has not moved since). */
  intact(v: Float64Array): boolean;
}
