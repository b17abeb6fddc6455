import { readFileSync } from 'node:fs';
import { NtkInputError } from '../errors/NtkInputError.js';
import type { FlowKernelExports } from './FlowKernelExports.js';
import { WasmHeap } from './WasmHeap.js';

/** Which implementation of the flow kernels runs: WebAssembly with SIMD, or the plain-TypeScript twins. */
export type KernelBackend = 'wasm' | 'js';

/** The part of the global WebAssembly object used here (the project's lib has no WebAssembly types). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

/**
 * Where flowKernels.wasm is: next to this module in dist/ (`npm run build` writes it there), or, when this module
 * runs from its TypeScript source (the test suite), in the build output of the same checkout.
 */
const WASM_CANDIDATES = ['./flowKernels.wasm', '../../dist/src/kernels/flowKernels.wasm'];

/**
 * Compile and instantiate flowKernels.wasm from `bytes`; undefined when this engine cannot (no WebAssembly, no
 * SIMD: `WebAssembly.validate` is false) — the kernels then run on the TypeScript backend.
 */
export function instantiateFlowKernels(bytes: Uint8Array | undefined): WasmHeap | undefined {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (bytes === undefined || wasm === undefined || !wasm.validate(bytes)) return undefined;
  const instance = new wasm.Instance(new wasm.Module(bytes), {});
  return new WasmHeap(instance.exports as unknown as FlowKernelExports);
}

function readWasm(): Uint8Array | undefined {
  for (const candidate of WASM_CANDIDATES) {
    try {
      return readFileSync(new URL(candidate, import.meta.url));
    } catch {
      // not at this candidate: try the next
    }
  }
  return undefined;
}

/** The module's WebAssembly heap, loaded once when this module loads (undefined: the TypeScript backend is used). */
export const wasmHeap: WasmHeap | undefined = instantiateFlowKernels(readWasm());

/**
 * The backend selected at load time: 'wasm' when flowKernels.wasm was found and this engine runs WebAssembly SIMD,
 * 'js' otherwise; the environment variable NTK_KERNELS=js|wasm forces one (for comparisons: `wasm` where it is not
 * available makes the first kernel built throw).
 */
export const DEFAULT_BACKEND: KernelBackend = ((): KernelBackend => {
  const forced = process.env.NTK_KERNELS;
  if (forced === 'js' || forced === 'wasm') return forced;
  return wasmHeap === undefined ? 'js' : 'wasm';
})();

/** The WebAssembly heap for a kernel of `backend` 'wasm' (throws NtkInputError naming NTK_KERNELS when there is none). */
export function requireWasmHeap(): WasmHeap {
  if (wasmHeap === undefined) throw new NtkInputError('NTK_KERNELS', 'wasm', "'js': flowKernels.wasm is missing or this engine has no WebAssembly SIMD");
  return wasmHeap;
}
