/**
 * The two backends of the flow kernels agree bit for bit (WebAssembly SIMD from assembly/flowKernels.ts, and the
 * TypeScript twins), on shapes that reach every blocked loop and every remainder; the kernels' exponential and
 * activations stay within their stated bounds of Math.exp, the model's sigmoid and Math.tanh.
 */
import { describe, expect, test } from 'vitest';
import { decimalContext } from '../precise/decimalContext.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { mulberry32 } from '../random/mulberry32.js';
import { type KernelActivation, KERNEL_ACTIVATION_MAX_ABS_ERROR, kernelActivation } from './kernelActivation.js';
import { DEFAULT_BACKEND, instantiateFlowKernels, wasmHeap } from './kernelBackend.js';
import {
  clampActivationArgument,
  KERNEL_EXP_FRACTION_MAX_REL_ERROR,
  KERNEL_EXP_MAX_ULPS,
  kernelExp,
  ln2Multiple,
  pow2,
  reducedArgument,
  remezR,
} from './kernelExp.js';
import { createMeanFieldFlowCore } from './createMeanFieldFlowCore.js';
import { createQuadraticFlowCore } from './createQuadraticFlowCore.js';
import type { WasmHeap } from './WasmHeap.js';

const rng = mulberry32(16);
const u = (): number => 2 * rng() - 1;
const vector = (length: number, scale = 1): Float64Array => Float64Array.from({ length }, () => scale * u());

/** The distance from |x| to the next float64 up (an ulp of x). */
function ulp(x: number): number {
  const b = new Float64Array([Math.abs(x)]);
  const bits = new BigUint64Array(b.buffer);
  bits[0] = (bits[0] as bigint) + 1n;
  return (b[0] as number) - Math.abs(x);
}

/** Indices where a and b differ as bit patterns (Object.is: also tells 0 from -0). */
const mismatches = (a: Float64Array, b: Float64Array): number[] => Array.from(a.keys()).filter((i) => !Object.is(a[i], b[i]));

/** decimal.js at 30 digits: far tighter than the float64 errors it measures (~1e-16 relative). */
const Exact = decimalContext(30);

test('the WebAssembly backend is built and selected (npm test builds dist/ first)', () => {
  expect(wasmHeap).toBeDefined();
  expect(DEFAULT_BACKEND).toBe(process.env.NTK_KERNELS === 'js' ? 'js' : 'wasm');
});

test('no usable module means the TypeScript backend: missing or invalid bytes give no heap', () => {
  expect(instantiateFlowKernels(undefined)).toBeUndefined();
  expect(instantiateFlowKernels(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 255))).toBeUndefined();
});

describe('kernelExp', () => {
  test(`within ${KERNEL_EXP_MAX_ULPS} ulp of Math.exp on 10^5 points of the normal range`, () => {
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = -708 + 1417 * rng();
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(kernelExp(x) - e) / ulp(e));
    }
    expect(worst).toBeLessThanOrEqual(KERNEL_EXP_MAX_ULPS);
  });

  test('edges: overflow, underflow to subnormals and 0, infinities, NaN, signed zero', () => {
    const xs = [709.78, 709.79, 1e300, -745.13, -745.14, -740, -1e300, 0, -0, 1e-300, Infinity, -Infinity];
    for (const x of xs) {
      const e = Math.exp(x);
      if (Number.isFinite(e)) expect(Math.abs(kernelExp(x) - e)).toBeLessThanOrEqual(KERNEL_EXP_MAX_ULPS * ulp(e));
      else expect(kernelExp(x)).toBe(e);
    }
    expect([kernelExp(709.79), kernelExp(-745.14), kernelExp(0)]).toEqual([Infinity, 0, 1]);
    expect(kernelExp(Number.NaN)).toBeNaN();
  });

  test(`e^x = P / D, P = 2^k (A + r), D = A - r: within ${KERNEL_EXP_FRACTION_MAX_REL_ERROR} of e^x relatively (decimal.js), clamped at the edges`, () => {
    /** [P, D] at x clamped as the sigmoid clamps it, as kernelActivation forms them. */
    const at = (x0: number): [number, number] => {
      const x = clampActivationArgument(x0);
      const kf = ln2Multiple(x);
      const r = reducedArgument(x, kf);
      const a = remezR(r);
      return [(a + r) * pow2(kf), a - r];
    };
    let worst = 0;
    for (let i = 0; i < 800; i++) {
      const x = i < 300 ? 0.7 * u() : -708.39 + 1417.47 * rng();
      const [p, d] = at(x);
      const quotient = new Exact(exactDecimal(p)).div(exactDecimal(d));
      worst = Math.max(
        worst,
        quotient
          .div(Exact.exp(exactDecimal(x)))
          .minus(1)
          .abs()
          .toNumber(),
      );
    }
    expect(worst).toBeLessThanOrEqual(KERNEL_EXP_FRACTION_MAX_REL_ERROR);
    expect(worst).toBeGreaterThan(0.5 * 2 ** -53); // the reference can see a rounding error
    const [floorP, floorD] = at(-708.39);
    expect(floorP / floorD).toBeGreaterThanOrEqual(2 ** -1022);
    expect([-708.4, -745.14, -1e300, -Infinity].map(at)).toEqual(Array(4).fill([floorP, floorD]));
    expect([709.09, 709.44, 710, Infinity].map((x) => at(x)[0])).toEqual(Array(4).fill(Infinity));
    expect(at(0)).toEqual([2, 2]);
    expect(at(Number.NaN).every(Number.isNaN)).toBe(true);
  });

  test.each(['sigmoid', 'tanh'] as const)(`%s within ${KERNEL_ACTIVATION_MAX_ABS_ERROR} of the exact activation (decimal.js)`, (kind) => {
    // sigma(z) = 1 / (1 + e^-z), tanh(z) = (e^2z - 1) / (e^2z + 1)
    const exact = (z: string) => {
      const e = Exact.exp(kind === 'sigmoid' ? new Exact(z).neg() : new Exact(z).times(2));
      return kind === 'sigmoid' ? new Exact(1).div(e.plus(1)) : e.minus(1).div(e.plus(1));
    };
    let worst = 0;
    for (let i = 0; i < 800; i++) {
      // |z| up to 40 (both saturate beyond), dense near 0 (tanh's worst first-order case), and a third of the points
      // near z = 2.87, where e^-z = 0.057 (the sigmoid's)
      const z = i % 3 === 0 ? 2.8 + 0.2 * u() : 40 * u() * rng() ** 3;
      const s = kernelActivation(kind, z);
      worst = Math.max(
        worst,
        new Exact(exactDecimal(s))
          .minus(exact(exactDecimal(z)))
          .abs()
          .toNumber(),
      );
    }
    expect(worst).toBeLessThanOrEqual(KERNEL_ACTIVATION_MAX_ABS_ERROR);
    expect(worst).toBeGreaterThan(0);
    expect([kernelActivation(kind, 1000), kernelActivation(kind, -1000)]).toEqual(kind === 'sigmoid' ? [1, 0] : [1, -1]);
    if (kind === 'tanh') expect([kernelActivation(kind, 19.5), kernelActivation(kind, 20), kernelActivation(kind, -25)]).toEqual([1, 1, -1]);
    expect(kernelActivation(kind, 0)).toBe(kind === 'sigmoid' ? 0.5 : 0);
    expect(kernelActivation(kind, Number.NaN)).toBeNaN();
  });
});

describe.runIf(wasmHeap !== undefined)('WebAssembly and TypeScript backends agree bit for bit', () => {
  const heap = wasmHeap as WasmHeap;

  test('the vector exponential and activations (odd length: the scalar tail too)', () => {
    const length = 1001;
    const z = Float64Array.from({ length }, (_, i) => (i % 7 === 0 ? 800 * u() : 30 * u()));
    z[3] = Number.NaN;
    z[5] = -0;
    const holder = {};
    const [xAt, outAt] = heap.allocate(holder, [length, length]);
    const read = (): Float64Array => heap.f64.slice(outAt / 8, outAt / 8 + length);
    heap.f64.set(z, xAt / 8);
    heap.exports.expArray(xAt, outAt, length);
    expect(mismatches(read(), z.map(kernelExp))).toEqual([]);
    (['sigmoid', 'tanh'] as const).forEach((kind, code) => {
      heap.exports.activateArray(code, xAt, outAt, length);
      expect(
        mismatches(
          read(),
          z.map((x) => kernelActivation(kind, x)),
        ),
      ).toEqual([]);
    });
  });

  test.each([
    [1, 1],
    [2, 3],
    [3, 8],
    [8, 32],
    [5, 17],
    [4, 9],
  ])('quadratic, n = %i, p = %i', (n, p) => {
    const G = vector(n * p);
    const Q = new Float64Array(n * p * p);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < p; i++) {
        for (let j = i; j < p; j++) {
          const x = u() / p;
          Q[(k * p + i) * p + j] = x;
          Q[(k * p + j) * p + i] = x;
        }
      }
    }
    const wasm = createQuadraticFlowCore(n, p, G, Q, 'wasm');
    const js = createQuadraticFlowCore(n, p, G, Q, 'js');
    expect([wasm.backend, js.backend]).toEqual(['wasm', 'js']);
    for (let trial = 0; trial < 3; trial++) {
      const d = vector(p, 0.5);
      const r0 = vector(n);
      const [a, b] = [new Float64Array(p), new Float64Array(p)];
      wasm.rhs(r0, 3.5, d, a);
      js.rhs(r0, 3.5, d, b);
      expect(mismatches(a, b)).toEqual([]);
      const [Ja, Jb] = [new Float64Array(n * p), new Float64Array(n * p)];
      wasm.jacobian(d, Ja);
      js.jacobian(d, Jb);
      expect(mismatches(Ja, Jb)).toEqual([]);
    }
  });

  const shapes: [KernelActivation, number, number, number][] = [
    ['sigmoid', 2, 1, 1],
    ['tanh', 3, 3, 3],
    ['sigmoid', 64, 8, 8],
    ['tanh', 10, 9, 17],
    ['sigmoid', 7, 17, 9],
    ['tanh', 6, 16, 2],
    ['sigmoid', 41, 8, 8],
    ['tanh', 70, 9, 10],
    ['sigmoid', 35, 3, 17],
  ];
  test.each(shapes)('mean-field %s, m = %i, n = %i, dim = %i', (activation, m, n, dim) => {
    const data = { activation, m, n, dim, x: vector(n * dim), w0: vector(m * (dim + 1)) };
    const wasm = createMeanFieldFlowCore(data, 'wasm');
    const js = createMeanFieldFlowCore(data, 'js');
    for (let trial = 0; trial < 3; trial++) {
      const dd = vector(wasm.p, 0.3);
      const yStar = vector(n);
      const [a, b] = [new Float64Array(wasm.p), new Float64Array(js.p)];
      wasm.rhs(yStar, Math.sqrt(m), dd, a);
      js.rhs(yStar, Math.sqrt(m), dd, b);
      expect(mismatches(a, b)).toEqual([]);
      expect(a.every(Number.isFinite)).toBe(true);
    }
  });

  test('heap blocks are 16-byte aligned, disjoint, and the memory grows to hold them', () => {
    const holder = {};
    const lengths = [1, 3, 100, 70_000];
    const at = heap.allocate(holder, lengths);
    at.forEach((offset, i) => {
      expect(offset % 16).toBe(0);
      expect(offset + 8 * (lengths[i] as number)).toBeLessThanOrEqual(heap.f64.byteLength);
    });
    const spans = at.map((offset, i) => [offset, offset + 8 * (lengths[i] as number)] as const).sort((a, b) => a[0] - b[0]);
    spans.slice(1).forEach((span, i) => {
      expect(span[0]).toBeGreaterThanOrEqual((spans[i] as readonly [number, number])[1]);
    });
  });
});
