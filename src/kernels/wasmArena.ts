import { wasmHeap } from './kernelBackend.js';
import { WasmVectors } from './WasmVectors.js';

/**
 * The integrators' vector arena in the flow kernels' WebAssembly heap (undefined where the TypeScript backend runs):
 * a solve with a 'wasm' kernel keeps its work vectors there, so that the right-hand side reads and writes them in
 * place and the stage combinations run in SIMD.
 */
export const wasmArena: WasmVectors | undefined = wasmHeap === undefined ? undefined : new WasmVectors(wasmHeap);

/**
 * Below this length a combination is cheaper in TypeScript than one WebAssembly call (measured: 7 terms at n = 32,
 * 0.44 us in TypeScript against 0.56 us through the arena; at n = 128, 1.35 against 0.54 us), so shorter solves keep
 * their vectors in ordinary memory.
 */
export const WASM_ARENA_MIN_LENGTH = 64;
