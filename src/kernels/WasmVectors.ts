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
  /** Byte offsets of the scratch: MAX_TERMS coefficients, then MAX_TERMS term offsets (as float64s). */
  private readonly coefs: number;
  private readonly terms: number;

  constructor(heap: WasmHeap) {
    this.heap = heap;
    [this.coefs, this.terms] = heap.allocate(this, [MAX_TERMS, MAX_TERMS]);
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
    if (!heap.holds(out) || (y !== undefined && !heap.holds(y)) || count > MAX_TERMS) return false;
    const f64 = heap.f64;
    const c0 = this.coefs / 8;
    const t0 = this.terms / 8;
    let c = 0;
    for (let j = 0; j < count; j++) {
      const hw = h * (w[j] as number);
      if (hw === 0) continue;
      const v = k[j] as Float64Array;
      if (!heap.holds(v)) return false;
      f64[c0 + c] = hw;
      f64[t0 + c] = v.byteOffset;
      c += 1;
    }
    const n = (k[0] as Float64Array).length;
    this.heap.exports.linearCombination(out.byteOffset + 8 * offset, y === undefined ? 0 : y.byteOffset, n, this.coefs, this.terms, c);
    return true;
  }
}
