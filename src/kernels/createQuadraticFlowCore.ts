import { DEFAULT_BACKEND, type KernelBackend, requireWasmHeap } from './kernelBackend.js';
import type { QuadraticFlowCore } from './QuadraticFlowCore.js';
import { QuadraticFlowJs } from './quadraticFlowJs.js';
import { QuadraticFlowWasm } from './quadraticFlowWasm.js';

/** The quadratic flow core of `backend` (default: the one selected at load time) for G (n x p) and Q (n x p x p). */
export function createQuadraticFlowCore(n: number, p: number, G: Float64Array, Q: Float64Array, backend: KernelBackend = DEFAULT_BACKEND): QuadraticFlowCore {
  return backend === 'wasm' ? new QuadraticFlowWasm(requireWasmHeap(), n, p, G, Q) : new QuadraticFlowJs(n, p, G, Q);
}
