import type { GramKernels } from '../integrators/GramKernels.js';
import type { WasmHeap } from './WasmHeap.js';

/** Byte offsets of the scratch blocks for one shape (rows, n): a vector of length n in, one out, rows-long ones, and B B^T. */
interface Scratch {
  readonly x: number;
  readonly gram: number;
  readonly out: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
}

/**
 * {@link GramKernels} in the flow kernels' WebAssembly heap (assembly/flowKernels.ts `gramProject`, `gramAddBack`:
 * f64x2 SIMD, bitwise the TypeScript loops). B is copied there once per linearization; a vector that already lives
 * in the heap (an integrator's arena) is read and written in place, any other is copied in (and out).
 */
export class WasmGram implements GramKernels {
  private readonly heap: WasmHeap;
  private readonly scratch = new Map<string, Scratch>();
  /** The shape of the last call and its scratch (a solve calls with one shape: no key built per product). */
  private last: { readonly rows: number; readonly n: number; readonly scratch: Scratch } | undefined;
  /** Released blocks, by length in float64s (they belong to this object: never collected). */
  private readonly pool = new Map<number, number[]>();

  constructor(heap: WasmHeap) {
    this.heap = heap;
  }

  private scratchFor(rows: number, n: number): Scratch {
    const last = this.last;
    if (last !== undefined && last.rows === rows && last.n === n) return last.scratch;
    const key = `${rows}x${n}`;
    let s = this.scratch.get(key);
    if (s === undefined) {
      const [x, out, rowsIn, rowsOut, gram] = this.heap.allocate(this, [n, n, rows, rows, rows * rows]);
      s = { x, out, rowsIn, rowsOut, gram };
      this.scratch.set(key, s);
    }
    this.last = { rows, n, scratch: s };
    return s;
  }

  hold(rows: number, n: number): number {
    this.scratchFor(rows, n);
    const reused = this.pool.get(rows * n)?.pop();
    if (reused !== undefined) return reused;
    const [at] = this.heap.allocate(this, [rows * n]);
    return at;
  }

  release(at: number, rows: number, n: number): void {
    const length = rows * n;
    const free = this.pool.get(length);
    if (free === undefined) this.pool.set(length, [at]);
    else free.push(at);
  }

  load(at: number, B: Float64Array): void {
    this.heap.f64.set(B, at / 8);
  }

  gram(B: number, rows: number, n: number): Float64Array {
    const { heap } = this;
    const s = this.scratchFor(rows, n);
    heap.exports.gramMatrix(B, rows, n, s.gram);
    const K = new Float64Array(rows * rows);
    heap.read(s.gram, K, rows * rows);
    return K;
  }

  project(B: number, rows: number, n: number, x: Float64Array, out: Float64Array): void {
    const { heap } = this;
    const s = this.scratchFor(rows, n);
    const xAt = heap.input(x, s.x);
    const outAt = heap.output(out, s.rowsOut);
    heap.exports.gramProject(B, rows, n, xAt, outAt);
    if (outAt === s.rowsOut) heap.read(outAt, out, rows);
  }

  addBack(B: number, rows: number, n: number, v: Float64Array, out: Float64Array): void {
    const { heap } = this;
    const s = this.scratchFor(rows, n);
    const vAt = heap.input(v, s.rowsIn);
    const outAt = heap.input(out, s.out);
    heap.exports.gramAddBack(B, rows, n, vAt, outAt);
    if (outAt === s.out) heap.read(outAt, out, n);
  }
}
