import { ACTIVATION_CODE } from './kernelActivation.js';
import type { MeanFieldFlowCore, MeanFieldFlowData } from './MeanFieldFlowCore.js';
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
    const f64 = heap.f64;
    f64.set(data.x, x / 8);
    for (let j = 0; j < n; j++) for (let k = 0; k < dim; k++) f64[xT / 8 + k * n + j] = data.x[j * dim + k] as number;
    f64.set(data.w0, w0 / 8);
  }

  rhs(yStar: Float64Array, alpha: number, dd: Float64Array, out: Float64Array): void {
    const { at, heap } = this;
    heap.f64.set(yStar, at.yStar / 8);
    const ddAt = heap.input(dd, at.dd);
    const outAt = heap.output(out, at.out);
    heap.exports.meanFieldRhs(this.kind, this.m, this.n, this.dim, at.x, at.xT, at.w0, ddAt, at.yStar, alpha, at.S, at.h, at.g, outAt);
    if (outAt === at.out) heap.read(at.out, out, this.p);
  }
}
