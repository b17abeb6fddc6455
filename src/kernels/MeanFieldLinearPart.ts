import type { GramProducts } from '../integrators/GramProducts.js';
import { type MeanFieldLinearData, linearAddBack, linearGram, linearProject } from './meanFieldLinearProducts.js';
import type { WasmHeap } from './WasmHeap.js';

/** Byte offsets of a mean-field core's blocks for its linear part in the WebAssembly heap (S, C, x, x^T, G and scratch). */
export interface MeanFieldLinearBlocks {
  readonly S: number;
  readonly C: number;
  readonly x: number;
  readonly xT: number;
  readonly G: number;
  /** Scratch: a state (p entries), an output vector (n), a residual-sized vector (n), a parameter vector (p), B B^T (n x n). */
  readonly y: number;
  readonly rowsOut: number;
  readonly v: number;
  readonly out: number;
  readonly K: number;
}

/**
 * The exponential path's linear part of a mean-field net, B = J(w) (n x m (dim + 1)), through its activation data
 * (src/kernels/meanFieldLinearProducts.ts): O(m n (dim + 1)) per product from 2 m n numbers, no n x p matrix. While
 * attached (WebAssembly backend) the data live in the core's blocks and the products run there
 * (assembly/meanFieldLinearKernels.ts, bitwise the TypeScript twins); `detach` copies them out, and the products then
 * run in TypeScript with the same results (the core detaches the previous part before it reuses its blocks).
 */
export class MeanFieldLinearPart implements GramProducts {
  readonly rows: number;
  readonly n: number;
  private readonly data: { -readonly [K in keyof MeanFieldLinearData]: MeanFieldLinearData[K] };
  private native: { readonly heap: WasmHeap; readonly at: MeanFieldLinearBlocks } | undefined;

  /** `data`'s S and C are read only when `native` is undefined (else they are filled by `detach`). */
  constructor(data: MeanFieldLinearData, native?: { readonly heap: WasmHeap; readonly at: MeanFieldLinearBlocks }) {
    this.rows = data.n;
    this.n = data.m * (data.dim + 1);
    this.data = { ...data };
    this.native = native;
  }

  /** From now on compute in TypeScript on copies of the data (bitwise the same): the core's blocks may be reused. */
  detach(): void {
    const { native, data } = this;
    if (native === undefined) return;
    const { heap, at } = native;
    const length = data.m * data.n;
    data.S = heap.f64.slice(at.S / 8, at.S / 8 + length);
    data.C = heap.f64.slice(at.C / 8, at.C / 8 + length);
    this.native = undefined;
  }

  project(x: Float64Array, out: Float64Array): void {
    const { native, data } = this;
    if (native === undefined) {
      linearProject(data, x, out);
      return;
    }
    const { heap, at } = native;
    const xAt = heap.input(x, at.y);
    const outAt = heap.output(out, at.rowsOut);
    heap.exports.meanFieldLinearProject(data.m, data.n, data.dim, at.S, at.C, at.xT, xAt, outAt);
    if (outAt === at.rowsOut) heap.read(outAt, out, data.n);
  }

  addBack(v: Float64Array, out: Float64Array): void {
    const { native, data } = this;
    if (native === undefined) {
      linearAddBack(data, v, out);
      return;
    }
    const { heap, at } = native;
    const vAt = heap.input(v, at.v);
    const outAt = heap.input(out, at.out);
    heap.exports.meanFieldLinearAddBack(data.m, data.n, data.dim, at.S, at.C, at.x, vAt, outAt);
    if (outAt === at.out) heap.read(outAt, out, this.n);
  }

  gram(): Float64Array {
    const { native, data } = this;
    if (native === undefined) return linearGram(data);
    const { heap, at } = native;
    heap.exports.meanFieldLinearGram(data.m, data.n, at.S, at.C, at.G, at.K);
    const K = new Float64Array(data.n * data.n);
    heap.read(at.K, K, K.length);
    return K;
  }

  finite(): boolean {
    const { native, data } = this;
    if (native === undefined) return data.S.every(Number.isFinite) && data.C.every(Number.isFinite);
    const { heap, at } = native;
    const length = data.m * data.n;
    return heap.exports.allFinite(at.S, length) === 1 && heap.exports.allFinite(at.C, length) === 1;
  }
}
