/**
 * The exponential stepper's stage work in the WebAssembly heap (assembly/exponentialStageKernels.ts): steps of a
 * stepper whose vectors live in the arena agree bit for bit with those of a stepper in ordinary memory (TypeScript
 * path), for both pairs and odd and even lengths; a whole solve with it: src/flow/gradientFlow.kernels.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { ExponentialCoefficients } from '../integrators/ExponentialCoefficients.js';
import { exponentialMethodFloat } from '../integrators/exponentialMethodFloat.js';
import { exponentialMethods } from '../integrators/exponentialMethods/index.js';
import { ExponentialStepper } from '../integrators/ExponentialStepper.js';
import { NegativeGramOperator } from '../integrators/NegativeGramOperator.js';
import { mulberry32 } from '../random/mulberry32.js';
import { wasmArena } from './wasmArena.js';
import type { WasmVectors } from './WasmVectors.js';

const rng = mulberry32(61);
const u = (): number => 2 * rng() - 1;
const ROWS = 3;

/** y' = -B^T B y + sin(y) / 4 for a random B (rows x n), as an integrator's right-hand side. */
function problem(n: number) {
  const B = Float64Array.from({ length: ROWS * n }, u);
  const f = (_t: number, y: Float64Array, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < ROWS; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += B[i * n + j]! * y[j]!;
      for (let j = 0; j < n; j++) out[j] = out[j]! - B[i * n + j]! * s;
    }
    for (let j = 0; j < n; j++) out[j] = out[j]! + Math.sin(y[j]!) / 4;
  };
  return { B, f, y0: Float64Array.from({ length: n }, u) };
}

/** Three steps of `stepper` from y0 with steps hs: every yNew, err and the modal data of the last step. */
function run(stepper: ExponentialStepper, B: Float64Array, n: number, y0: Float64Array, hs: readonly number[]): number[] {
  const y = stepper.state;
  y.set(y0);
  stepper.setDerivative(0, y);
  stepper.setOperator(new NegativeGramOperator(Float64Array.from(B), ROWS, n), y);
  const seen: number[] = [];
  let t = 0;
  for (const h of hs) {
    stepper.step(t, y, h);
    seen.push(...stepper.yNew, ...stepper.err, stepper.remainderLipschitz());
    const data = stepper.finishStep(t + h);
    seen.push(...data.ym, ...data.z1, ...stepper.nextDerivative);
    y.set(stepper.yNew);
    t += h;
    stepper.advance(y);
  }
  return seen;
}

describe.runIf(wasmArena !== undefined)('the exponential stage kernels', () => {
  const arena = wasmArena as WasmVectors;
  const cases = [7, 12].flatMap((n) => (['zb43', 'exprk5s8'] as const).map((name) => [n, name] as const));

  test.each(cases)('n = %i, %s: the arena stepper takes the same steps bit for bit', (n, name) => {
    const { B, f, y0 } = problem(n);
    const hs = [0.3, 0.45, 0.2];
    const plain = run(new ExponentialStepper(exponentialMethods[name], f, n, ROWS), B, n, y0, hs);
    const inArena = new ExponentialStepper(exponentialMethods[name], f, n, ROWS, arena);
    // the arena stepper runs the kernels (its private `stage`), not its TypeScript path
    expect((inArena as unknown as { stage: unknown }).stage).toBeDefined();
    const native = run(inArena, B, n, y0, hs);
    inArena.release();
    expect(native.length).toBe(plain.length);
    expect(native.every((x, i) => Object.is(x, plain[i]))).toBe(true);
    // sanity mutant: the same comparison refutes a step size off by one part in 2^40
    const off = new ExponentialStepper(exponentialMethods[name], f, n, ROWS, arena);
    const mutated = run(off, B, n, y0, [0.3 * (1 + 2 ** -40), 0.45, 0.2]);
    off.release();
    expect(mutated.every((x, i) => Object.is(x, plain[i]))).toBe(false);
  });

  test('a layout outside the arena gets no kernel; the kernel declines vectors outside it and writes nothing', () => {
    const n = 4;
    const rows = 2;
    const method = exponentialMethodFloat(exponentialMethods.zb43);
    const storageLength = ExponentialCoefficients.storageLength(method, rows);
    const layoutOn = (v: Float64Array[]) => {
      const [K0, kTable, hNull, acc, scratch, Y, W, Z, lambda, V, B, storage] = v as [Float64Array, ...Float64Array[]] as Float64Array[];
      const { plan } = new ExponentialCoefficients(method, rows, storage);
      return {
        n,
        rows,
        K: [K0!],
        kTable: kTable!,
        hNull: hNull!,
        acc: acc!,
        scratch: scratch!,
        Y: Y!,
        W: W!,
        Z: Z!,
        D: plan.values,
        lambda: lambda!,
        V: V!,
        B: B!,
        plan,
        views: [],
      };
    };
    const lengths = [n, 1, 1, rows, rows, rows, rows, rows, rows, rows * rows, rows * n, storageLength];
    expect(arena.exponentialStage(layoutOn(lengths.map((length) => new Float64Array(length))))).toBeUndefined();
    const inside = arena.borrowEach(lengths);
    const layout = layoutOn(inside);
    const stage = arena.exponentialStage(layout);
    expect(stage).toBeDefined();
    const out = Float64Array.of(1, 2, 3, 4);
    expect(stage?.combine(out, undefined, 1, 0.5, 0, -1, undefined)).toBe(false);
    expect(stage?.project(out, layout.Y, layout.W, layout.Z)).toBe(false);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
    arena.release(inside);
  });
});
