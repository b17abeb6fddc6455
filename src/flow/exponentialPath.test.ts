import { describe, expect, test } from 'vitest';
import { gram, matVec, norm2 } from '../linalg/dense.js';
import { meanFieldNet } from '../models/meanField.js';
import { quadraticModel } from '../models/quadratic.js';
import { scalarModel } from '../models/scalar.js';
import { integrateOverMesh } from '../statements/gaussLegendre.js';
import { flowKernel } from './flowRhs.js';
import { flowStiffness } from './flowStiffness.js';
import { gradientFlow, type GradientFlowResult, STIFF_HORIZON } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { loss, residual } from './residual.js';
import { createRng } from '../random/rng.js';
import { symmetricQ } from './_testing/symmetricQ.js';

/** A quadratic instance with n x p Gaussian-like G scaled so lambda_max(K0) ~ g^2, Q of norm ~ lip, R0 = 1. */
function quadratic(seed: number, n: number, p: number, alpha: number, T: number, g = 1, lip = 1): Instance {
  const rng = createRng(seed).uniform;
  const u = () => 2 * rng() - 1;
  const G = Array.from({ length: n }, () => Array.from({ length: p }, () => (g * u()) / Math.sqrt(p / 3)));
  const Q = symmetricQ(n, p, () => (lip * u()) / p);
  const h0 = Array.from({ length: n }, u);
  const model = quadraticModel({ h0, G, Q, w0: Array.from({ length: p }, u) });
  const dir = Array.from({ length: n }, u);
  const len = Math.hypot(...dir);
  return { model, yStar: Float64Array.from(h0, (h, k) => alpha * h + (Math.SQRT2 * dir[k]!) / len), alpha, T };
}

const distance = (x: Float64Array, y: Float64Array) => norm2(x.map((v, i) => v - y[i]!));

/** The mesh with every interval cut into `parts` equal pieces. */
function subdivide(ts: Float64Array, parts: number): Float64Array {
  const out: number[] = [ts[0]!];
  for (let i = 1; i < ts.length; i++) for (let k = 1; k <= parts; k++) out.push(ts[i - 1]! + ((ts[i]! - ts[i - 1]!) * k) / parts);
  return Float64Array.from(out);
}

/**
 * Residuals of the identities flow.energy and flow.residual check, with 3-point Gauss per interval of `mesh`:
 * |R0 - R(T) - alpha^2 int |w'|^2| / R0 and |r(T) - r(0) + int K_t r| / |r(0)|.
 */
function identities(instance: Instance, flow: GradientFlowResult, mesh: Float64Array): { energy: number; residual: number } {
  const { model, alpha } = instance;
  const { n, p } = model;
  const kernel = flowKernel(instance);
  const d = new Float64Array(p);
  const dw = new Float64Array(p);
  const speed = new Float64Array(1);
  const Kr = new Float64Array(n);
  const w = new Float64Array(p);
  integrateOverMesh(
    mesh,
    (t) => {
      flow.trajectory.weights(t, w);
      for (let j = 0; j < p; j++) d[j] = w[j]! - model.w0[j]!;
      kernel.rhs(t, d, dw);
      return dw.reduce((s, x) => s + x * x, 0);
    },
    speed,
  );
  integrateOverMesh(
    mesh,
    (t) => {
      flow.trajectory.weights(t, w);
      return matVec(gram(model.jacobian(w), n, p), n, n, residual(instance, w));
    },
    Kr,
  );
  const r0 = residual(instance, model.w0);
  const R0 = loss(r0);
  return {
    energy: (R0 - loss(flow.rT) - alpha * alpha * speed[0]!) / R0,
    residual: norm2(flow.rT.map((x, i) => x - r0[i]! + Kr[i]!)) / norm2(r0),
  };
}

describe('gradientFlow: the exponential path', () => {
  test(`'auto' takes it exactly when T lambda_max(K0) >= ${STIFF_HORIZON}`, () => {
    const base = quadratic(1, 3, 8, 10, 1);
    const lambdaMax = flowStiffness(base); // T = 1
    const at = (T: number, method?: 'exponential') => gradientFlow({ ...base, T }, { estimateError: false, ...(method ? { method } : {}) }).method;
    expect(at((0.5 * STIFF_HORIZON) / lambdaMax)).toBe('explicit');
    expect(at((2 * STIFF_HORIZON) / lambdaMax)).toBe('exponential');
    expect(at(1, 'exponential')).toBe('exponential');
  });

  const cases: [string, Instance][] = [
    ['lazy (alpha = 100), long horizon', quadratic(2, 4, 12, 100, 400)],
    ['nonlinear (alpha = 1, kappa ~ 1)', quadratic(3, 3, 7, 1, 40, 1, 2)],
    ['more outputs than parameters (n > p)', quadratic(4, 5, 3, 3, 200)],
    ['scalar, unreachable-free', { model: scalarModel({ a: 3, b: 0.7, w0: 0.2 }), yStar: Float64Array.of(1.5), alpha: 2, T: 30 }],
  ];

  test.each(cases)('%s: agrees with the explicit path within the error estimates, at T and along the trajectory', (_name, instance) => {
    const rtol = 1e-8;
    const expo = gradientFlow(instance, { rtol, method: 'exponential' });
    const explicit = gradientFlow(instance, { rtol, method: 'explicit' });
    const r0 = norm2(residual(instance, instance.model.w0));
    expect(distance(expo.rT, explicit.rT)).toBeLessThanOrEqual(expo.errorEstimate + explicit.errorEstimate + 10 * rtol * r0);
    const scale = norm2(expo.wT.map((x, j) => x - instance.model.w0[j]!)) + 1e-300;
    for (const theta of [0.013, 0.1, 0.37, 0.5, 0.81]) {
      const t = theta * instance.T;
      expect(distance(expo.trajectory.weights(t), explicit.trajectory.weights(t)) / scale).toBeLessThan(100 * rtol);
    }
  });

  test.each(cases)(
    '%s: its mesh resolves the quadratures of flow.energy / flow.residual, whose identities hold as well as on the explicit path',
    (_name, instance) => {
      const rtol = 1e-8;
      const expo = gradientFlow(instance, { rtol, method: 'exponential', estimateError: false });
      const explicit = gradientFlow(instance, { rtol, method: 'explicit', estimateError: false });
      const onMesh = identities(instance, expo, expo.trajectory.ts);
      const fine = identities(instance, expo, subdivide(expo.trajectory.ts, 4));
      expect(Math.abs(onMesh.energy - fine.energy)).toBeLessThan(10 * rtol); // the quadrature has converged on ts
      const reference = identities(instance, explicit, explicit.trajectory.ts);
      expect(Math.abs(onMesh.energy)).toBeLessThan(Math.max(100 * rtol, 1.5 * Math.abs(reference.energy)));
      expect(onMesh.residual).toBeLessThan(Math.max(100 * rtol, 1.5 * reference.residual));
    },
  );

  test('cost after relaxation grows like log T: T = 1e5 costs at most twice T = 1e2', () => {
    const at = (T: number) => gradientFlow(quadratic(5, 4, 12, 100, T), { rtol: 1e-10, estimateError: false });
    const short = at(1e2);
    const long = at(1e5);
    expect(short.method).toBe('exponential');
    expect(long.rhsEvaluations + 5 * long.linearizations).toBeLessThan(2 * (short.rhsEvaluations + 5 * short.linearizations));
  });

  test('the fused quadratic kernel is the model: f(d) = (1/alpha) J^T (y* - alpha h) to rounding', () => {
    const instance = quadratic(6, 4, 9, 7, 1);
    const { model, alpha } = instance;
    const kernel = flowKernel(instance);
    const rng = createRng(8).uniform;
    for (let trial = 0; trial < 5; trial++) {
      const d = Float64Array.from({ length: model.p }, () => rng() - 0.5);
      const w = d.map((x, j) => x + model.w0[j]!);
      const expected = model.vjp(w, residual(instance, w)).map((x) => x / alpha);
      const out = new Float64Array(model.p);
      kernel.rhs(0, d, out);
      expect(distance(out, expected)).toBeLessThan(1e-12 * (1 + norm2(expected)));
      expect(distance(kernel.jacobian(d), model.jacobian(w))).toBeLessThan(1e-12 * (1 + norm2(model.jacobian(w))));
    }
  });
});

test('the fused mean-field kernel is the model (value then vjp) to rounding, and h(w0) = 0 stays exact', () => {
  const rng = createRng(9).uniform;
  const m = 6;
  const dIn = 3;
  const n = 4;
  const half = Array.from({ length: m / 2 }, () => ({ a: (rng() - 0.5) / Math.sqrt(m), u: Array.from({ length: dIn }, () => (rng() - 0.5) / Math.sqrt(m)) }));
  for (const activation of ['sigmoid', 'tanh'] as const) {
    const model = meanFieldNet({
      activation,
      x: Array.from({ length: n }, () => Array.from({ length: dIn }, () => rng() - 0.5)),
      a: [...half.map((q) => q.a), ...half.map((q) => -q.a)],
      U: [...half.map((q) => q.u), ...half.map((q) => q.u)],
    });
    const instance: Instance = { model, yStar: Float64Array.from({ length: n }, () => rng() - 0.5), alpha: Math.sqrt(m), T: 1 };
    const kernel = flowKernel(instance);
    const out = new Float64Array(model.p);
    kernel.rhs(0, new Float64Array(model.p), out);
    const atW0 = model.vjp(model.w0, instance.yStar).map((x) => x / instance.alpha); // h(w0) = 0: r = y*
    expect(distance(out, atW0)).toBeLessThan(1e-15 * (1 + norm2(atW0)));
    for (let trial = 0; trial < 3; trial++) {
      const d = Float64Array.from({ length: model.p }, () => 0.3 * (rng() - 0.5));
      const w = d.map((x, j) => x + model.w0[j]!);
      const expected = model.vjp(w, residual(instance, w)).map((x) => x / instance.alpha);
      kernel.rhs(0, d, out);
      expect(distance(out, expected)).toBeLessThan(1e-13 * (1 + norm2(expected)));
    }
  }
});

test("'auto' switches to the exponential path when the kernel grows stiff along the flow (K_T >> K0)", () => {
  // h(w) = a w + b w^2 / 2 with a tiny slope at w0 = 0: T lambda(K0) = T a^2 = 0.02, but the flow goes to w ~ 1,
  // where J = a + b w ~ 10: lambda(K_t) ~ 100 over a horizon of 200.
  const instance: Instance = { model: scalarModel({ a: 0.01, b: 10, w0: 0 }), yStar: Float64Array.of(5), alpha: 1, T: 200 };
  const auto = gradientFlow(instance, { rtol: 1e-8 });
  const explicit = gradientFlow(instance, { rtol: 1e-8, method: 'explicit' });
  expect(auto.method).toBe('switched');
  expect(auto.switchedAt).toBeGreaterThan(0);
  expect(auto.switchedAt).toBeLessThan(instance.T);
  expect(distance(auto.rT, explicit.rT)).toBeLessThanOrEqual(auto.errorEstimate + explicit.errorEstimate);
  expect(auto.rhsEvaluations).toBeLessThan(explicit.rhsEvaluations / 10);
  for (const t of [1, auto.switchedAt!, 0.5 * (auto.switchedAt! + instance.T), instance.T]) {
    expect(Math.abs(auto.trajectory.weights(t)[0]! - explicit.trajectory.weights(t)[0]!)).toBeLessThan(1e-6);
  }
  const ts = auto.trajectory.ts;
  expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
});
