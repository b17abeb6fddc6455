/**
 * The integrators' vector arena in the WebAssembly heap: its combinations are bitwise the TypeScript
 * `linearCombination`'s, and an adaptive solve with its work vectors there is bitwise the solve without.
 */
import { describe, expect, test, vi } from 'vitest';
import { linearCombination } from '../linalg/linearCombination.js';
import { allFinite } from '../integrators/_internals/allFinite.js';
import { errorNorm } from '../integrators/errorNorm.js';
import { integrateAdaptive } from '../integrators/integrateAdaptive.js';
import { RkWorkspace } from '../integrators/RkWorkspace.js';
import type { StepCheck } from '../integrators/StepCheck.js';
import { tableaus } from '../integrators/tableaus/index.js';
import { mulberry32 } from '../random/mulberry32.js';
import { wasmHeap } from './kernelBackend.js';
import { wasmArena } from './wasmArena.js';
import type { WasmHeap } from './WasmHeap.js';
import type { WasmVectors } from './WasmVectors.js';

const rng = mulberry32(71);
const u = (): number => 2 * rng() - 1;
const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe.runIf(wasmArena !== undefined)('WasmVectors', () => {
  const arena = wasmArena as WasmVectors;

  test('combinations of 1..13 terms (zero weights skipped), with and without y, odd and even n: bitwise linearCombination', () => {
    for (const n of [1, 2, 7, 64, 601]) {
      const vs = arena.borrow(15, n);
      for (const v of vs) for (let m = 0; m < n; m++) v[m] = u() * 10 ** Math.floor(6 * u());
      const [out, y, ...k] = vs as [Float64Array, Float64Array, ...Float64Array[]];
      for (let count = 1; count <= 13; count++) {
        const w = Array.from({ length: count }, (_, j) => (j % 5 === 3 ? 0 : u()));
        for (const withY of [true, false]) {
          const expected = new Float64Array(n);
          linearCombination(expected, 0, withY ? y : undefined, 0.37, w, k, count);
          expect(arena.combine(out, 0, withY ? y : undefined, 0.37, w, k, count)).toBe(true);
          expect(same(out, expected)).toBe(true);
        }
      }
    }
  });

  test('sanity mutant: the same comparison refutes a combination with one weight changed', () => {
    const [out, y, ...k] = arena.borrow(6, 9) as [Float64Array, Float64Array, ...Float64Array[]];
    for (const v of [y, ...k]) for (let m = 0; m < 9; m++) v[m] = u();
    const expected = new Float64Array(9);
    linearCombination(expected, 0, y, 1, [0.5, 0.25, 0.125, 1], k, 4);
    expect(arena.combine(out, 0, y, 1, [0.5, 0.25, 0.125, 1 + 2 ** -40], k, 4)).toBe(true);
    expect(same(out, expected)).toBe(false);
  });

  test('errorNorm and allFinite in the arena: bitwise the TypeScript ones (zeros, sc = 0, NaN, Infinity; odd and even n)', () => {
    for (const n of [1, 2, 9, 64]) {
      const [err, y, yNew, atol] = arena.borrow(4, n) as [Float64Array, Float64Array, Float64Array, Float64Array];
      for (let trial = 0; trial < 20; trial++) {
        for (let m = 0; m < n; m++) {
          err[m] = rng() < 0.2 ? 0 : u() * 10 ** Math.floor(8 * u());
          y[m] = u();
          yNew[m] = u();
          atol[m] = rng() < 0.1 ? 0 : 1e-9 * rng();
        }
        if (trial % 4 === 1) [y[n - 1], yNew[n - 1], atol[n - 1]] = [0, 0, 0]; // sc = 0: Infinity, or 0 when err = 0
        if (trial % 4 === 2) err[Math.floor(rng() * n)] = Number.NaN;
        if (trial % 4 === 3) yNew[Math.floor(rng() * n)] = -Infinity;
        const rtol = 10 ** (-3 - 9 * rng());
        expect(Object.is(arena.errorNorm(err, y, yNew, rtol, atol), errorNorm(err, y, yNew, rtol, atol))).toBe(true);
        for (const v of [err, yNew]) expect(arena.allFinite(v)).toBe(allFinite(v));
      }
    }
  });

  test('sanity mutant: the same comparison refutes rtol off by one part in 2^40; outside the arena both answer undefined', () => {
    const [err, y, yNew, atol] = arena.borrow(4, 9) as [Float64Array, Float64Array, Float64Array, Float64Array];
    for (const v of [err, y, yNew]) for (let m = 0; m < 9; m++) v[m] = u();
    atol.fill(1e-9);
    expect(Object.is(arena.errorNorm(err, y, yNew, 1e-6 * (1 + 2 ** -40), atol), errorNorm(err, y, yNew, 1e-6, atol))).toBe(false);
    expect(arena.errorNorm(err, y, yNew, 1e-6, new Float64Array(9))).toBeUndefined();
    expect(arena.allFinite(new Float64Array(9))).toBeUndefined();
  });

  /** A workspace of `name` in dimension n, in the arena or not, with the stages, y, y_new and Y_(s-1) from `fill`. */
  const filledWorkspace = (
    name: 'dopri5' | 'tsit5' | 'vern6' | 'vern7' | 'dop853',
    n: number,
    inArena: boolean,
    fill: (i: number) => number,
  ): [RkWorkspace, Float64Array] => {
    const ws = new RkWorkspace(tableaus[name], n, inArena ? arena : undefined);
    let i = 0;
    for (const v of [...ws.k, ws.yNew, ws.yStage]) for (let m = 0; m < n; m++) v[m] = fill(i++);
    const y = ws.state(Float64Array.from({ length: n }, () => fill(i++)));
    return [ws, y];
  };
  const sameCheck = (a: StepCheck, b: StepCheck): boolean =>
    Object.is(a.errorNorm, b.errorNorm) && a.finite === b.finite && a.derivativeFinite === b.derivativeFinite && Object.is(a.rho, b.rho);

  test.each(['dopri5', 'tsit5', 'vern6', 'vern7', 'dop853'] as const)(
    'checkStep in the arena (%s, one pass of stepCheck): bitwise the TypeScript path (zeros, sc = 0, NaN, Infinity; blocks)',
    (name) => {
      const fusedCalls = vi.spyOn(arena, 'stepSums');
      for (const n of [1, 2, 9, 2049]) {
        for (let trial = 0; trial < 8; trial++) {
          const values = Array.from({ length: (tableaus[name].c.length + 3) * n }, () => (rng() < 0.1 ? 0 : u() * 10 ** Math.floor(6 * u())));
          // a NaN or an infinity among the stages, y_new and Y_(s-1); the state y (the last n values) stays finite, as an
          // integrator's state always is (checkStep's precondition)
          if (trial === 5) values[Math.floor(rng() * (values.length - n))] = Number.NaN;
          if (trial === 6) values[Math.floor(rng() * (values.length - n))] = -Infinity;
          const fill = (i: number): number => values[i] as number;
          const atol = Float64Array.from({ length: n }, () => (rng() < 0.2 ? 0 : 1e-9 * rng()));
          const [plain, yPlain] = filledWorkspace(name, n, false, fill);
          const [fused, yFused] = filledWorkspace(name, n, true, fill);
          if (trial === 7) for (const ws of [plain, fused]) ws.yNew.fill(0); // y_new = 0 where y and atol vanish too: sc = 0
          // Hairer's stiffness estimate needs an FSAL tableau (integrateAdaptive refuses it otherwise: vern7)
          for (const stiffness of tableaus[name].fsal === true ? [false, true] : [false]) {
            const h = 0.01 + rng();
            const rtol = 10 ** (-3 - 9 * rng());
            const expected = { ...plain.checkStep(yPlain, h, rtol, atol, stiffness) };
            expect(sameCheck(fused.checkStep(yFused, h, rtol, atol, stiffness), expected)).toBe(true);
            expect(same(fused.err, plain.err) && same(fused.err3, plain.err3)).toBe(true);
          }
          plain.release();
          fused.release();
        }
      }
      const checks = tableaus[name].fsal === true ? 64 : 32;
      expect(fusedCalls.mock.results.map((r) => r.value)).toEqual(new Array(checks).fill(true)); // every check ran in the arena
      fusedCalls.mockRestore();
    },
  );

  test('sanity mutant: the same comparison refutes a last stage off by one part in 2^30 at one entry of 2,049 (error norm and stiffness)', () => {
    const n = 2049;
    const values = Array.from({ length: 10 * n }, u);
    const [plain, yPlain] = filledWorkspace('dopri5', n, false, (i) => values[i] as number);
    const [fused, yFused] = filledWorkspace('dopri5', n, true, (i) => values[i] as number);
    const last = fused.k[6] as Float64Array;
    last[1500] = (last[1500] as number) * (1 + 2 ** -30); // in the second block
    const expected = { ...plain.checkStep(yPlain, 0.5, 1e-8, new Float64Array(n).fill(1e-12), true) };
    const mutated = fused.checkStep(yFused, 0.5, 1e-8, new Float64Array(n).fill(1e-12), true);
    expect(Object.is(mutated.errorNorm, expected.errorNorm)).toBe(false);
    expect(Object.is(mutated.rho, expected.rho)).toBe(false);
    plain.release();
    fused.release();
  });

  test('vectors outside the arena: combine writes nothing and says so', () => {
    const [y, k0] = arena.borrow(2, 4) as [Float64Array, Float64Array];
    const outside = new Float64Array(4).fill(7);
    expect(arena.combine(outside, 0, y, 1, [1], [k0], 1)).toBe(false);
    expect(Array.from(outside)).toEqual([7, 7, 7, 7]);
    const [out] = arena.borrow(1, 4) as [Float64Array];
    expect(arena.combine(out, 0, y, 1, [1], [new Float64Array(4)], 1)).toBe(false);
    expect(arena.intact(out)).toBe(true);
    expect(arena.intact(outside)).toBe(false);
  });

  test('released vectors are handed out again (a solve per call does not grow the memory)', () => {
    const first = arena.borrow(3, 33);
    const offsets = first.map((v) => v.byteOffset).sort();
    arena.release(first);
    const again = arena.borrow(3, 33);
    expect(again.map((v) => v.byteOffset).sort()).toEqual(offsets);
    expect(again.every((v) => v.every((x) => x === 0))).toBe(true);
    const more = arena.borrow(1, 33);
    expect(offsets).not.toContain(more[0]?.byteOffset);
    arena.release([...again, ...more]);
  });

  test('the memory grows: a pooled view is made anew at its offset; holds tells views of the memory from others', () => {
    const heap = wasmHeap as WasmHeap;
    const [v] = arena.borrow(1, 37) as [Float64Array];
    const offset = v.byteOffset;
    expect([heap.holds(v), heap.holds(v.subarray(1, 3)), heap.holds(new Float64Array(37))]).toEqual([true, true, false]);
    v.fill(5);
    arena.release([v]);
    const [reused] = arena.borrow(1, 37) as [Float64Array];
    expect(reused === v).toBe(true);
    expect(reused.every((x) => x === 0)).toBe(true);
    arena.release([reused]);
    // blocks of 1 MiB until the memory grows (which detaches its buffer and empties every view of it)
    for (let i = 0; i < 64 && v.length !== 0; i++) heap.allocate({}, [131_072]);
    expect([v.length, heap.holds(v)]).toEqual([0, false]);
    const [fresh] = arena.borrow(1, 37) as [Float64Array];
    expect(fresh === v).toBe(false);
    expect([fresh.byteOffset, fresh.length, heap.holds(fresh)]).toEqual([offset, 37, true]);
    arena.release([fresh]);
  });

  test.each(['dopri5', 'dop853'] as const)('integrateAdaptive with the arena (%s, dense output): bitwise the solve without', (name) => {
    const n = 11;
    const A = Array.from({ length: n * n }, () => u() / n);
    const f = (_t: number, y: Float64Array, dy: Float64Array): void => {
      for (let i = 0; i < n; i++) {
        let s = -(y[i] as number);
        for (let j = 0; j < n; j++) s += (A[i * n + j] as number) * Math.sin(y[j] as number);
        dy[i] = s;
      }
    };
    const y0 = Array.from({ length: n }, u);
    const options = { rtol: 1e-9, atol: 1e-12, dense: true };
    const plain = integrateAdaptive(tableaus[name], f, 0, y0, 7, options);
    const inArena = integrateAdaptive(tableaus[name], f, 0, y0, 7, { ...options, arena });
    expect([inArena.steps, inArena.rejected, inArena.rhsEvaluations]).toEqual([plain.steps, plain.rejected, plain.rhsEvaluations]);
    expect(same(inArena.y, plain.y)).toBe(true);
    expect(arena.intact(inArena.y)).toBe(false); // the result is a fresh array, not the arena's
    expect(same(inArena.dense?.evaluate(3.3) as Float64Array, plain.dense?.evaluate(3.3) as Float64Array)).toBe(true);
  });
});
