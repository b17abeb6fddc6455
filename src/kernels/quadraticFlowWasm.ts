import type { WasmHeap } from './WasmHeap.js';
import type { QuadraticFlowCore } from './QuadraticFlowCore.js';

/**
 * The WebAssembly backend of {@link QuadraticFlowCore} (assembly/flowKernels.ts `quadraticRhs`, f64x2 SIMD): G and
 * Q are copied into the kernel's memory once; a call copies d (and r0) in and the result out, except for vectors
 * that already live in the kernel's memory.
 */
export class QuadraticFlowWasm implements QuadraticFlowCore {
  readonly backend = 'wasm' as const;
  readonly n: number;
  readonly p: number;
  private readonly heap: WasmHeap;
  private readonly at: { G: number; Q: number; M: number; r0: number; d: number; rOverAlpha: number; out: number };

  constructor(heap: WasmHeap, n: number, p: number, G: Float64Array, Q: Float64Array) {
    this.heap = heap;
    this.n = n;
    this.p = p;
    const [g, q, m, r0, d, rOverAlpha, out] = heap.allocate(this, [n * p, n * p * p, n * p, n, p, n, n * p]);
    this.at = { G: g, Q: q, M: m, r0, d, rOverAlpha, out };
    const f64 = heap.f64;
    f64.set(G, g / 8);
    f64.set(Q, q / 8);
  }

  rhs(r0: Float64Array, alpha: number, d: Float64Array, out: Float64Array): void {
    const { n, p, at, heap } = this;
    heap.f64.set(r0, at.r0 / 8);
    const dAt = heap.input(d, at.d);
    const outAt = heap.output(out, at.out);
    heap.exports.quadraticRhs(n, p, at.G, at.Q, at.M, at.r0, alpha, dAt, at.rOverAlpha, outAt);
    if (outAt === at.out) heap.read(at.out, out, p);
  }

  jacobian(d: Float64Array, out: Float64Array): void {
    const { n, p, at, heap } = this;
    heap.f64.set(d, at.d / 8);
    heap.exports.quadraticJacobian(n, p, at.G, at.Q, at.M, at.d, at.out);
    heap.read(at.out, out, n * p);
  }
}
