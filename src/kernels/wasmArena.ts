import { wasmHeap } from './kernelBackend.js';
import { WasmVectors } from './WasmVectors.js';

/**
 * The integrators' vector arena in the flow kernels' WebAssembly heap (undefined where the TypeScript backend runs):
 * a solve with a 'wasm' kernel keeps its work vectors there, so that the right-hand side reads and writes them in
 * place and the stage combinations run in SIMD.
 */
export const wasmArena: WasmVectors | undefined = wasmHeap === undefined ? undefined : new WasmVectors(wasmHeap);
