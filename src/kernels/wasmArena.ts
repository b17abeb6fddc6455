import { wasmHeap } from './kernelBackend.js';
import { WasmVectors } from './WasmVectors.js';

/**
 * The integrators' vector arena in the flow kernels' WebAssembly heap (undefined where the TypeScript backend runs):
 * a solve with a 'wasm' kernel keeps its work vectors there, so that the right-hand side reads and writes them in
 * place and the stage combinations run in SIMD.
 */
export const wasmArena: WasmVectors | undefined = wasmHeap === undefined ? undefined : new WasmVectors(wasmHeap);

/**
 * Below this length a solve keeps its vectors in ordinary memory: a combination of short vectors is cheaper in
 * TypeScript than one WebAssembly call. From it on, the right-hand side reads and writes the arena's vectors in place
 * (no copy in or out per call) and the exponential stepper's stage work is one WebAssembly call per combination
 * (assembly/exponentialStageKernels.ts). Measured on quadratic models (gradientFlow at rtol 1e-8, with the certifying
 * re-solve, load ~2.5): p = 4 0.36 ms in TypeScript against 0.57 ms with the arena, p = 8 1.76 against 1.96 ms,
 * p = 16 1.50 against 1.50 ms; quadratic (a) (p = 32, exprk5s8 at rtol 3.16e-13) 3.39 against 2.54 ms.
 */
export const WASM_ARENA_MIN_LENGTH = 32;
