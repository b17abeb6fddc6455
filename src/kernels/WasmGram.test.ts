/**
 * The exponential path's products with B in the WebAssembly heap: bitwise the TypeScript loops of
 * NegativeGramOperator (project: B x with even/odd partial sums; addBack: addMatTVec), for vectors inside and
 * outside the heap (a whole solve with them: src/flow/gradientFlow.kernels.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { NegativeGramOperator } from '../integrators/NegativeGramOperator.js';
import { gram } from '../linalg/dense.js';
import { mulberry32 } from '../random/mulberry32.js';
import { wasmArena } from './wasmArena.js';
import type { WasmGram } from './WasmGram.js';
import { wasmGramKernels } from './wasmGramKernels.js';
import type { WasmVectors } from './WasmVectors.js';

const rng = mulberry32(83);
const u = (): number => 2 * rng() - 1;
const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
const random = (length: number): Float64Array => Float64Array.from({ length }, () => u() * 10 ** Math.floor(6 * u()));

/** B's block in `kernels`, loaded with B (never released: each test holds its own). */
function held(kernels: WasmGram, B: Float64Array, rows: number): { kernels: WasmGram; at: number } {
  const at = kernels.hold(rows, B.length / rows);
  kernels.load(at, B);
  return { kernels, at };
}

describe.runIf(wasmGramKernels !== undefined && wasmArena !== undefined)('WasmGram', () => {
  const kernels = wasmGramKernels as WasmGram;
  const arena = wasmArena as WasmVectors;

  test('project and addBack (zero modal coordinates, odd and even n, vectors in and outside the heap): bitwise the TypeScript operator', () => {
    for (const rows of [1, 3, 8]) {
      for (const n of [1, 2, 7, 64]) {
        const B = random(rows * n);
        const plain = new NegativeGramOperator(B, rows, n);
        const native = new NegativeGramOperator(B, rows, n, held(kernels, B, rows));
        const [inX, inOut] = arena.borrow(2, n) as [Float64Array, Float64Array];
        for (let trial = 0; trial < 4; trial++) {
          const x = random(n);
          const z = random(rows);
          if (trial % 2 === 1) z[Math.floor(rng() * rows)] = 0;
          const out0 = random(n);
          inX.set(x);
          inOut.set(out0);
          const expected = plain.addBack(z, Float64Array.from(out0));
          expect(same(native.addBack(z, Float64Array.from(out0)), expected)).toBe(true);
          expect(same(native.addBack(z, inOut), expected)).toBe(true);
          const modal = plain.project(x, new Float64Array(rows));
          expect(same(native.project(x, new Float64Array(rows)), modal)).toBe(true);
          expect(same(native.project(inX, new Float64Array(rows)), modal)).toBe(true);
        }
        arena.release([inX, inOut]);
      }
    }
  });

  test('a detached operator computes in TypeScript: the same values after its block is reloaded with another B', () => {
    const B = random(2 * 7);
    const native = held(kernels, B, 2);
    const op = new NegativeGramOperator(B, 2, 7, native);
    const x = random(7);
    const before = op.project(x, new Float64Array(2));
    op.detach();
    kernels.load(native.at, random(2 * 7));
    expect(same(op.project(x, new Float64Array(2)), before)).toBe(true);
    expect(same(new NegativeGramOperator(B, 2, 7, native).project(x, new Float64Array(2)), before)).toBe(false);
  });

  test('B B^T (odd and even rows and n): bitwise dense.ts gram', () => {
    for (const rows of [1, 2, 3, 8]) {
      for (const n of [1, 2, 7, 64]) {
        const B = random(rows * n);
        const at = held(kernels, B, rows).at;
        expect(same(kernels.gram(at, rows, n), gram(B, rows, n))).toBe(true);
        kernels.release(at, rows, n);
      }
    }
  });

  test('a released block is the next one held for its size; another size gets its own', () => {
    const at = kernels.hold(3, 11);
    kernels.release(at, 3, 11);
    expect(kernels.hold(3, 11)).toBe(at);
    const other = kernels.hold(3, 12);
    expect(other).not.toBe(at);
    kernels.release(other, 3, 12);
    kernels.release(at, 3, 11);
  });

  test('sanity mutant: the same comparison refutes a B with one entry changed by one part in 2^40', () => {
    // entries of one scale (in [-1, 1]), so that the change cannot vanish in the rounding of larger terms
    const B = Float64Array.from({ length: 3 * 9 }, u);
    const changed = Float64Array.from(B);
    changed[13] = (changed[13] as number) * (1 + 2 ** -40);
    const x = Float64Array.from({ length: 9 }, u);
    const plain = new NegativeGramOperator(B, 3, 9).project(x, new Float64Array(3));
    expect(same(new NegativeGramOperator(changed, 3, 9, held(kernels, changed, 3)).project(x, new Float64Array(3)), plain)).toBe(false);
  });
});
