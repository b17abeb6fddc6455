import type { ExponentialStage, ExponentialStageLayout } from '../integrators/ExponentialStage.js';
import type { VectorArena } from '../integrators/VectorArena.js';
import { WasmExponentialStage } from './WasmExponentialStage.js';
import type { WasmHeap } from './WasmHeap.js';

/** Most terms of one combination (the tableaus have at most 16 stages, their dense outputs 16 + 3). */
const MAX_TERMS = 64;

/**
 * A {@link VectorArena} in the WebAssembly heap of the flow kernels: the vectors are views of its linear memory and a
 * combination is one call of assembly/flowKernels.ts `linearCombination` (f64x2 SIMD, bitwise the TypeScript
 * twin's sums). The fused right-hand sides read and write such vectors in place (no copy in or out).
 */
export class WasmVectors implements VectorArena {
  private readonly heap: WasmHeap;
  /** Byte offsets of the scratch: MAX_TERMS coefficients, then MAX_TERMS term offsets (as float64s), then 6 sums. */
  private readonly coefs: number;
  private readonly terms: number;
  private readonly result: number;

  constructor(heap: WasmHeap) {
    this.heap = heap;
    [this.coefs, this.terms, this.result] = heap.allocate(this, [MAX_TERMS, MAX_TERMS, 6]);
  }

  /**
   * Returned vectors and their byte offsets, per length: reused by the next borrower (no growth per solve), the view
   * itself while the memory has not grown since (no new view to make and adopt).
   */
  private readonly pool = new Map<number, { readonly offset: number; readonly view: Float64Array }[]>();

  borrow(count: number, n: number): Float64Array[] {
    return this.borrowEach(new Array<number>(count).fill(n));
  }

  borrowEach(lengths: readonly number[]): Float64Array[] {
    // pooled blocks belong to the arena (never collected); all offsets first, views after (allocating may move the memory)
    const pooled = lengths.map((n) => this.pool.get(n)?.pop());
    const missing = lengths.filter((_, i) => pooled[i] === undefined);
    const fresh = missing.length > 0 ? this.heap.allocate(this, missing) : [];
    let next = 0;
    const { heap } = this;
    const buffer = heap.f64.buffer;
    const made: Float64Array[] = [];
    const views = lengths.map((n, i) => {
      const entry = pooled[i];
      // a pooled view is still attached (not empty) only when the memory has not grown since
      if (entry !== undefined && entry.view.length !== 0) return entry.view.fill(0);
      const view = new Float64Array(buffer, entry?.offset ?? (fresh[next++] as number), n);
      made.push(view);
      return view;
    });
    heap.adopt(made);
    return views;
  }

  exponentialStage(layout: ExponentialStageLayout): ExponentialStage | undefined {
    const { K, kTable, hNull, acc, scratch, Y, W, Z, D, lambda, V, B, plan, views } = layout;
    const { values, table, termStart, termBase, termScale } = plan;
    const arrays = [...K, kTable, hNull, acc, scratch, Y, W, Z, D, lambda, V, B, values, table, termStart, termBase, termScale, ...views];
    if (!arrays.every((v) => this.heap.holds(v)) || kTable.length < K.length) return undefined;
    this.heap.adopt(views);
    K.forEach((k, j) => {
      kTable[j] = k.byteOffset;
    });
    return new WasmExponentialStage(this.heap, layout, this.coefs, this.terms);
  }

  release(vectors: readonly Float64Array[]): void {
    for (const v of vectors) {
      const n = v.length;
      // a detached view (length 0) has lost its offset: its block stays allocated, never handed out twice
      if (n === 0) continue;
      const entry = { offset: v.byteOffset, view: v };
      const free = this.pool.get(n);
      if (free === undefined) this.pool.set(n, [entry]);
      else free.push(entry);
    }
  }

  allFinite(v: Float64Array): boolean | undefined {
    return this.heap.holds(v) ? this.heap.exports.allFinite(v.byteOffset, v.length) === 1 : undefined;
  }

  errorNorm(err: Float64Array, y: Float64Array, yNew: Float64Array, rtol: number, atol: Float64Array): number | undefined {
    const { heap } = this;
    if (!(heap.holds(err) && heap.holds(y) && heap.holds(yNew) && heap.holds(atol))) return undefined;
    return this.heap.exports.errorNorm(err.byteOffset, y.byteOffset, yNew.byteOffset, rtol, atol.byteOffset, err.length);
  }

  intact(v: Float64Array): boolean {
    return this.heap.holds(v);
  }

  combine(out: Float64Array, offset: number, y: Float64Array | undefined, h: number, w: ArrayLike<number>, k: readonly Float64Array[], count: number): boolean {
    const { heap } = this;
    if (!heap.holds(out) || (y !== undefined && !heap.holds(y))) return false;
    const c = this.writeTerms(0, h, w, k, count);
    if (c < 0) return false;
    const n = (k[0] as Float64Array).length;
    this.heap.exports.linearCombination(out.byteOffset + 8 * offset, y === undefined ? 0 : y.byteOffset, n, this.coefs, this.terms, c);
    return true;
  }

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
  ): boolean {
    const { heap } = this;
    const outside = (v: Float64Array | undefined): boolean => v !== undefined && !heap.holds(v);
    if (outside(err) || outside(y) || outside(yNew) || outside(atol) || outside(fNew) || outside(kPrev) || outside(yStage)) return false;
    if (e3 !== undefined && outside(err3)) return false;
    const count = this.writeTerms(0, h, e, k, k.length);
    const count3 = e3 === undefined || count < 0 ? 0 : this.writeTerms(count, h, e3, k, k.length);
    if (count < 0 || count3 < 0) return false;
    const at = (v: Float64Array | undefined): number => (v === undefined ? 0 : v.byteOffset);
    const { coefs, terms } = this;
    this.heap.exports.stepCheck(
      err.length,
      y.byteOffset,
      yNew.byteOffset,
      atol.byteOffset,
      rtol,
      err.byteOffset,
      coefs,
      terms,
      count,
      e3 === undefined ? 0 : err3.byteOffset,
      coefs + 8 * count,
      terms + 8 * count,
      count3,
      at(fNew),
      at(kPrev),
      at(yStage),
      this.result,
    );
    sums.set(this.heap.f64.subarray(this.result / 8, this.result / 8 + 6));
    return true;
  }

  /**
   * Writes the terms h w_j k_j with a non-zero h w_j, from slot `from` of the scratch on: their number, or -1 when one
   * of those k_j is not in the arena or they do not fit.
   */
  private writeTerms(from: number, h: number, w: ArrayLike<number>, k: readonly Float64Array[], count: number): number {
    const { heap } = this;
    const f64 = heap.f64;
    const c0 = this.coefs / 8 + from;
    const t0 = this.terms / 8 + from;
    let c = 0;
    for (let j = 0; j < count; j++) {
      const hw = h * (w[j] as number);
      if (hw === 0) continue;
      const v = k[j] as Float64Array;
      if (!heap.holds(v) || from + c >= MAX_TERMS) return -1;
      f64[c0 + c] = hw;
      f64[t0 + c] = v.byteOffset;
      c += 1;
    }
    return c;
  }
}
