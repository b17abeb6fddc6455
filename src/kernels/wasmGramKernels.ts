import { wasmHeap } from './kernelBackend.js';
import { WasmGram } from './WasmGram.js';

/**
 * The exponential path's products with B (src/integrators/GramKernels.ts) in the flow kernels' WebAssembly heap;
 * undefined where the TypeScript backend runs.
 */
export const wasmGramKernels: WasmGram | undefined = wasmHeap === undefined ? undefined : new WasmGram(wasmHeap);
