import { ACTIVATION_CODE } from './kernelActivation.js';
import type { MeanFieldFlowCore, MeanFieldFlowData } from './MeanFieldFlowCore.js';
import { type MeanFieldLinearBlocks, MeanFieldLinearPart } from './MeanFieldLinearPart.js';
import { inputGram } from './meanFieldLinearProducts.js';
import type { WasmHeap } from './WasmHeap.js';

/**
 * The WebAssembly backend of {@link MeanFieldFlowCore} (assembly/flowKernels.ts `meanFieldRhs`, f64x2 SIMD, the
 * activations through the vector exponential): x, x^T and w0 are copied into the kernel's memory once; a call
 * copies dd (and y*) in and the result out, except for vectors that already live in the kernel's memory.
 */
export class MeanFieldFlowWasm implements MeanFieldFlowCore {
  readonly backend = 'wasm' as const;
  readonly p: number;
  private readonly heap: WasmHeap;
  private readonly kind: number;
  private readonly m: number;
  private readonly n: number;
  private readonly dim: number;
  private readonly at: { x: number; xT: number; w0: number; dd: number; yStar: number; S: number; h: number; g: number; out: number };
  private readonly data: MeanFieldFlowData;
  /** x^T and x x^T as arrays (for a detached linear part). */
  private readonly xT: Float64Array;
  private readonly G: Float64Array;
  /** The blocks of the linear part (allocated with the core's, so that a solve's linearizations never grow the memory). */
  private readonly linear: MeanFieldLinearBlocks;
  /** The linear part that holds `linear`, detached before the next one is made. */
  private owner: MeanFieldLinearPart | undefined;

  constructor(heap: WasmHeap, data: MeanFieldFlowData) {
    const { m, n, dim } = data;
    this.heap = heap;
    this.kind = ACTIVATION_CODE[data.activation];
    this.m = m;
    this.n = n;
    this.dim = dim;
    this.p = m * (dim + 1);
    const [x, xT, w0, dd, yStar, S, h, g, out] = heap.allocate(this, [n * dim, n * dim, this.p, this.p, n, m * n, n, 2 * n, this.p]);
    this.at = { x, xT, w0, dd, yStar, S, h, g, out };
    this.data = data;
    const [linS, linC, G, y, rowsOut, v, linOut, K] = heap.allocate(this, [m * n, m * n, n * n, this.p, n, n, this.p, n * n]);
    this.linear = { S: linS, C: linC, x, xT, G, y, rowsOut, v, out: linOut, K };
    this.xT = new Float64Array(dim * n);
    for (let j = 0; j < n; j++) for (let k = 0; k < dim; k++) this.xT[k * n + j] = data.x[j * dim + k] as number;
    this.G = inputGram(data.x, n, dim);
    const f64 = heap.f64;
    f64.set(data.x, x / 8);
    f64.set(this.xT, xT / 8);
    f64.set(data.w0, w0 / 8);
    f64.set(this.G, G / 8);
  }

  rhs(yStar: Float64Array, alpha: number, dd: Float64Array, out: Float64Array): void {
    const { at, heap } = this;
    heap.f64.set(yStar, at.yStar / 8);
    const ddAt = heap.input(dd, at.dd);
    const outAt = heap.output(out, at.out);
    heap.exports.meanFieldRhs(this.kind, this.m, this.n, this.dim, at.x, at.xT, at.w0, ddAt, at.yStar, alpha, at.S, at.h, at.g, outAt);
    if (outAt === at.out) heap.read(at.out, out, this.p);
  }

  linearPart(dd: Float64Array): MeanFieldLinearPart {
    const { at, heap, linear, m, n, dim } = this;
    this.owner?.detach();
    const ddAt = heap.input(dd, at.dd);
    // U = w0_U + dd_U goes to the scratch `linear.out`'s U part (read by the activations only)
    heap.exports.meanFieldActivations(this.kind, m, n, dim, at.xT, at.w0, ddAt, linear.out + 8 * m, linear.S);
    heap.exports.meanFieldLinearFactors(this.kind, m, n, 1 / Math.sqrt(n * m), 1 / Math.sqrt(n), at.w0, ddAt, linear.S, linear.C);
    const empty = new Float64Array(0);
    const part = new MeanFieldLinearPart({ m, n, dim, x: this.data.x, xT: this.xT, G: this.G, S: empty, C: empty }, { heap, at: linear });
    this.owner = part;
    return part;
  }
}
