import { describe, expect, test } from 'vitest';
import { distance, matTVec, norm2 } from '../linalg/dense.js';
import { meanFieldNet } from '../models/meanField.js';
import { quadraticModel } from '../models/quadratic.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import type { KernelBackend } from '../kernels/kernelBackend.js';
import { type FlowKernel, flowKernel } from './flowRhs.js';
import type { Instance } from './Instance.js';
import { residual } from './residual.js';
import { createRng } from '../random/rng.js';

const rng = createRng(31).uniform;
const u = () => 2 * rng() - 1;

/** f(d) = (1/alpha) J(w)^T (y* - alpha h(w)), w = w0 + d, from the model's value and explicit Jacobian. */
function expectedRhs(instance: Instance, d: Float64Array): Float64Array {
  const { model, alpha } = instance;
  const w = d.map((x, j) => x + model.w0[j]!);
  return matTVec(model.jacobian(w), model.n, model.p, residual(instance, w)).map((x) => x / alpha);
}

function expectKernelIsModel(instance: Instance, backend: KernelBackend, fusion: FlowKernel['fusion'], trials = 3): void {
  const { model } = instance;
  const kernel = flowKernel(instance, backend);
  expect(kernel.fusion).toBe(fusion); // the fused families take their one-pass kernel, any other model the generic one
  expect([kernel.n, kernel.p]).toEqual([model.n, model.p]);
  const out = new Float64Array(model.p);
  for (let trial = 0; trial < trials; trial++) {
    const d = Float64Array.from({ length: model.p }, () => 0.3 * u());
    const expected = expectedRhs(instance, d);
    kernel.rhs(0, d, out);
    expect(distance(out, expected)).toBeLessThan(1e-13 * (1 + norm2(expected)));
    const J = model.jacobian(d.map((x, j) => x + model.w0[j]!));
    const fresh = kernel.jacobian(d); // a fresh n x p buffer
    expect(fresh).toHaveLength(model.n * model.p);
    expect(distance(fresh, J)).toBeLessThan(1e-14 * (1 + norm2(J)));
    const into = new Float64Array(model.n * model.p);
    expect(kernel.jacobian(d, into)).toBe(into);
  }
}

const quadratic = quadraticModel({
  h0: [0.2, -0.1],
  G: [
    [1, 0.5, -0.3],
    [0.2, -1, 0.4],
  ],
  Q: [
    [
      [0.5, 0.1, 0],
      [0.1, -0.2, 0.3],
      [0, 0.3, 1],
    ],
    [
      [-1, 0, 0.2],
      [0, 0.4, 0],
      [0.2, 0, 0.1],
    ],
  ],
  w0: [0.1, -0.2, 0.3],
});

describe.each(['wasm', 'js'] as const)('flowKernel on the %s backend', (backend) => {
  test('any model (generic kernel: value, then vjp), n x p = 2 x 3', () => {
    // A model outside the fused families: the quadratic's methods on a plain object.
    const plain: SmoothModel = {
      kind: 'plain',
      n: 2,
      p: 3,
      w0: quadratic.w0,
      lipDhIsExact: false,
      value: quadratic.value.bind(quadratic),
      jacobian: quadratic.jacobian.bind(quadratic),
      vjp: quadratic.vjp.bind(quadratic),
      lipDh: quadratic.lipDh.bind(quadratic),
      lipH: quadratic.lipH.bind(quadratic),
    };
    expectKernelIsModel({ model: plain, yStar: Float64Array.of(1, -2), alpha: 3, T: 1 }, backend, 'generic');
  });

  test('quadratic models (fused kernel), with n p not a multiple of 4', () => {
    expectKernelIsModel({ model: quadratic, yStar: Float64Array.of(1, -2), alpha: 0.7, T: 1 }, backend, 'quadratic');
  });

  test('mean-field nets with an odd number of neurons (the unpaired last neuron)', () => {
    for (const activation of ['sigmoid', 'tanh'] as const) {
      const m = 3;
      const model = meanFieldNet({
        activation,
        x: [
          [1, -0.5],
          [0.3, 0.8],
          [-0.7, 0.2],
        ],
        a: Array.from({ length: m }, () => u() / Math.sqrt(m)),
        U: Array.from({ length: m }, () => [u(), u()]),
      });
      expectKernelIsModel({ model, yStar: Float64Array.of(0.5, -0.2, 0.1), alpha: Math.sqrt(m), T: 1 }, backend, 'mean-field');
    }
  });
});
