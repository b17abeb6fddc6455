/** gradientFlow on the two kernel backends: the same solve, bit for bit (the backends compute the same sums). */
import { describe, expect, test } from 'vitest';
import { wasmHeap } from '../kernels/kernelBackend.js';
import { meanFieldNet } from '../models/meanField.js';
import { quadraticModel } from '../models/quadratic.js';
import { flowStiffness } from './flowStiffness.js';
import { DOP853_MAX_RTOL, DOP853_MAX_RTOL_UNRECORDED, gradientFlow, STIFF_HORIZON, STIFF_HORIZON_TIGHT, VERN6_MAX_RTOL } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { createRng } from '../random/rng.js';

const rng = createRng(16).uniform;
const u = () => 2 * rng() - 1;

function quadraticInstance(n: number, p: number): Instance {
  const Q = Array.from({ length: n }, () => {
    const Qk = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < p; i++)
      for (let j = i; j < p; j++) {
        const v = u() / p;
        (Qk[i] as number[])[j] = v;
        (Qk[j] as number[])[i] = v;
      }
    return Qk;
  });
  const model = quadraticModel({
    h0: Array.from({ length: n }, u),
    G: Array.from({ length: n }, () => Array.from({ length: p }, () => u() / Math.sqrt(p))),
    Q,
    w0: Array.from({ length: p }, u),
  });
  return { model, yStar: Float64Array.from({ length: n }, u), alpha: 2, T: 5 };
}

function meanFieldInstance(activation: 'sigmoid' | 'tanh', m: number): Instance {
  const model = meanFieldNet({
    activation,
    x: Array.from({ length: 5 }, () => [u(), u(), u()]),
    a: Array.from({ length: m }, u),
    U: Array.from({ length: m }, () => [u(), u(), u()]),
  });
  return { model, yStar: Float64Array.from({ length: 5 }, u), alpha: Math.sqrt(m), T: 3 };
}

describe.runIf(wasmHeap !== undefined)("gradientFlow: kernel 'wasm' and 'js' give the same solve", () => {
  test.each([
    ['quadratic 3 x 9', quadraticInstance(3, 9)],
    ['mean-field sigmoid m = 6', meanFieldInstance('sigmoid', 6)],
    ['mean-field tanh m = 7', meanFieldInstance('tanh', 7)],
    ['mean-field sigmoid m = 20 (p = 80: the arena and the Gram kernels on wasm)', meanFieldInstance('sigmoid', 20)],
  ] as const)('%s, both integrators', (_label, instance) => {
    for (const method of ['explicit', 'exponential'] as const) {
      const wasm = gradientFlow(instance, { method, rtol: 1e-9, kernel: 'wasm' });
      const js = gradientFlow(instance, { method, rtol: 1e-9, kernel: 'js' });
      expect([wasm.kernel, js.kernel]).toEqual(['wasm', 'js']);
      expect([wasm.steps, wasm.rhsEvaluations, wasm.errorEstimate]).toEqual([js.steps, js.rhsEvaluations, js.errorEstimate]);
      expect(Array.from(wasm.rT)).toEqual(Array.from(js.rT));
    }
  });

  test('an unknown backend is named', () => {
    expect(() => gradientFlow(quadraticInstance(1, 2), { kernel: 'gpu' as 'js' })).toThrow('kernel="gpu" must be');
  });
});

describe('gradientFlow: the explicit tableau', () => {
  const instance = meanFieldInstance('tanh', 6);
  test('auto: DOP853 at rtol <= DOP853_MAX_RTOL, dopri5 above; recorded in the result', () => {
    expect(gradientFlow(instance, { method: 'explicit', rtol: DOP853_MAX_RTOL, estimateError: false }).tableau).toBe('dop853');
    expect(gradientFlow(instance, { method: 'explicit', rtol: 1e-8, estimateError: false }).tableau).toBe('dopri5');
  });

  test('auto without dense output: DOP853 up to DOP853_MAX_RTOL_UNRECORDED (no extra dense stages to pay)', () => {
    const between = Math.sqrt(DOP853_MAX_RTOL * DOP853_MAX_RTOL_UNRECORDED);
    expect(gradientFlow(instance, { method: 'explicit', rtol: between, estimateError: false }).tableau).toBe('dopri5');
    expect(gradientFlow(instance, { method: 'explicit', rtol: between, estimateError: false, dense: false }).tableau).toBe('dop853');
    expect(gradientFlow(instance, { method: 'explicit', rtol: 2 * DOP853_MAX_RTOL_UNRECORDED, estimateError: false, dense: false }).tableau).toBe('vern6');
  });

  test('auto without dense output: vern6 in (DOP853_MAX_RTOL_UNRECORDED, VERN6_MAX_RTOL], dopri5 above; with dense output dopri5', () => {
    const choice = (rtol: number, dense: boolean): string => gradientFlow(instance, { method: 'explicit', rtol, estimateError: false, dense }).tableau;
    expect([1e-10, 1e-8, VERN6_MAX_RTOL].map((rtol) => choice(rtol, false))).toEqual(['vern6', 'vern6', 'vern6']);
    expect([1e-10, 1e-8, VERN6_MAX_RTOL].map((rtol) => choice(rtol, true))).toEqual(['dopri5', 'dopri5', 'dopri5']);
    expect(choice(2 * VERN6_MAX_RTOL, false)).toBe('dopri5');
    expect(VERN6_MAX_RTOL).toBeGreaterThan(DOP853_MAX_RTOL_UNRECORDED);
    // the certifying re-solve at rtol / 100 keeps the primary's tableau (the same rule as for dopri5 and DOP853)
    const certified = gradientFlow(instance, { method: 'explicit', rtol: VERN6_MAX_RTOL, dense: false });
    expect([certified.tableau, certified.tighter?.tableau]).toEqual(['vern6', 'vern6']);
  });

  test('vern6 and dopri5 agree to their tolerance, and so do their dense outputs (vern6: 6th order, 3 extra stages)', () => {
    const six = gradientFlow(instance, { method: 'explicit', rtol: 1e-10, tableau: 'vern6', estimateError: false });
    const five = gradientFlow(instance, { method: 'explicit', rtol: 1e-10, tableau: 'dopri5', estimateError: false });
    expect(six.tableau).toBe('vern6');
    expect(Math.hypot(...Array.from(six.rT, (x, i) => x - five.rT[i]!))).toBeLessThan(1e-8 * Math.hypot(...instance.yStar));
    const t = 0.37 * instance.T;
    expect(Math.hypot(...Array.from(six.trajectory.weights(t), (x, i) => x - five.trajectory.weights(t)[i]!))).toBeLessThan(1e-7);
  });

  test('both tableaus agree to their tolerance, and DOP853 needs fewer evaluations at rtol 1e-12', () => {
    const eight = gradientFlow(instance, { method: 'explicit', rtol: 1e-12, tableau: 'dop853', estimateError: false });
    const five = gradientFlow(instance, { method: 'explicit', rtol: 1e-12, tableau: 'dopri5', estimateError: false });
    expect(eight.rhsEvaluations).toBeLessThan(five.rhsEvaluations);
    const diff = Math.hypot(...Array.from(eight.rT, (x, i) => x - five.rT[i]!));
    expect(diff).toBeLessThan(1e-10 * Math.hypot(...instance.yStar));
    // the dense output between mesh points agrees too (DOP853's 7th-order interpolant)
    const t = 0.37 * instance.T;
    const gap = Math.hypot(...Array.from(eight.trajectory.weights(t), (x, i) => x - five.trajectory.weights(t)[i]!));
    expect(gap).toBeLessThan(1e-9);
  });
});

test('auto: at rtol <= DOP853_MAX_RTOL the explicit path (DOP853) keeps horizons below STIFF_HORIZON_TIGHT', () => {
  const base = quadraticInstance(3, 9);
  const T = 300 / (flowStiffness(base) / base.T); // T lambda_max(K0) = 300
  const instance = { ...base, T };
  const tight = gradientFlow(instance, { rtol: 1e-12, estimateError: false });
  // it starts explicit (Hairer's stiffness test may still hand over to the exponential path: 'switched')
  expect(tight.method).not.toBe('exponential');
  expect(tight.tableau).toBe('dop853');
  const loose = gradientFlow(instance, { rtol: 1e-8, estimateError: false });
  expect([loose.method, loose.tableau]).toEqual(['exponential', 'dopri5']);
  expect(STIFF_HORIZON).toBeLessThan(300);
  expect(STIFF_HORIZON_TIGHT).toBeGreaterThan(300);
  // both reach the same r(T)
  expect(Math.hypot(...Array.from(tight.rT, (x, i) => x - loose.rT[i]!))).toBeLessThan(1e-6);
});
