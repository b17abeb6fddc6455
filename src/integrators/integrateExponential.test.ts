import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { exponentialMethods } from './exponentialMethods/index.js';
import { ExponentialStepper } from './ExponentialStepper.js';
import { integrateAdaptive } from './integrateAdaptive.js';
import { type ExponentialOptions, type ExponentialProblem, integrateExponential } from './integrateExponential.js';
import { NegativeGramOperator } from './NegativeGramOperator.js';
import { phiFunctions } from './phiFunctions.js';
import { tableaus } from './tableaus/index.js';

const N = 6;
const R = 3;
/** A fixed 3 x 6 matrix B of rank 3, eigenvalues of B B^T about 0.25, 4 and 32 (so -B^T B is stiff for t >> 1). */
const B = Float64Array.from({ length: R * N }, (_, i) => Math.sin(2.3 * i * i + 0.7 * i + 0.3) * [3, 1, 0.4][Math.floor(i / N)]!);
/** Targets b (length R); c = B^T b is the forcing of the linear flow. */
const b = Float64Array.of(1, -2, 0.5);
const c = (() => {
  const out = new Float64Array(N);
  b.forEach((w, i) => {
    for (let j = 0; j < N; j++) out[j] = out[j]! + w * B[i * N + j]!;
  });
  return out;
})();
const y0 = Float64Array.from({ length: N }, (_, i) => 0.1 * (i - 2));
const norm = (x: Float64Array) => Math.hypot(...x);
const diff = (x: Float64Array, y: Float64Array) => x.map((v, i) => v - y[i]!);

function btb(x: Float64Array, out: Float64Array, scale = 1): void {
  for (let i = 0; i < R; i++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += B[i * N + j]! * x[j]!;
    for (let j = 0; j < N; j++) out[j] = out[j]! + scale * B[i * N + j]! * s;
  }
}

/**
 * A small gradient flow of the kind the solver is for: y' = J(y)^T r(y), r(y) = b - B y - eps tanh(B y) (rows),
 * J = diag(1 + eps sech^2(B y)) B. For eps = 0 it is linear, y' = -B^T B y + c. The linear part offered to the
 * solver is -J^T J at the linearization point (the Gauss-Newton part of the Jacobian), as for gradient flow.
 */
function problem(eps: number): ExponentialProblem {
  const rowScale = new Float64Array(R);
  const jacobian = (y: Float64Array): Float64Array => {
    const J = new Float64Array(R * N);
    for (let i = 0; i < R; i++) {
      let s = 0;
      for (let j = 0; j < N; j++) s += B[i * N + j]! * y[j]!;
      const scale = 1 + eps / Math.cosh(s) ** 2;
      for (let j = 0; j < N; j++) J[i * N + j] = scale * B[i * N + j]!;
    }
    return J;
  };
  return {
    rows: R,
    f: (_t, y, dy) => {
      for (let i = 0; i < R; i++) {
        let s = 0;
        for (let j = 0; j < N; j++) s += B[i * N + j]! * y[j]!;
        rowScale[i] = (1 + eps / Math.cosh(s) ** 2) * (b[i]! - s - eps * Math.tanh(s));
      }
      dy.fill(0);
      for (let i = 0; i < R; i++) for (let j = 0; j < N; j++) dy[j] = dy[j]! + B[i * N + j]! * rowScale[i]!;
    },
    linearize: (_t, y) => jacobian(y),
  };
}

/** Eigendecomposition of A = B^T B (N x N), computed once. */
const eigenA = (() => {
  const A = new Float64Array(N * N);
  for (let j = 0; j < N; j++) {
    const e = new Float64Array(N);
    e[j] = 1;
    const col = new Float64Array(N);
    btb(e, col);
    for (let i = 0; i < N; i++) A[i * N + j] = col[i]!;
  }
  return symmetricEigen(A, N);
})();

/** Exact solution of y' = -A y + c, A = B^T B: y(t) = exp(-tA) y0 + t phi_1(-tA) c, by the eigendecomposition of A. */
function exactLinear(t: number): Float64Array {
  const { values, vectors } = eigenA;
  const out = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let vy = 0;
    let vc = 0;
    for (let i = 0; i < N; i++) {
      vy += vectors[i * N + k]! * y0[i]!;
      vc += vectors[i * N + k]! * c[i]!;
    }
    const [e0, e1] = phiFunctions(-t * Math.max(0, values[k]!), 1);
    const coef = e0! * vy + t * e1! * vc;
    for (let i = 0; i < N; i++) out[i] = out[i]! + coef * vectors[i * N + k]!;
  }
  return out;
}

const zb43 = exponentialMethods.zb43;
const solve = (eps: number, T: number, options: Partial<ExponentialOptions> & { rtol: number }) =>
  integrateExponential(zb43, problem(eps), 0, y0, T, { atol: options.rtol * 1e-2, dense: true, ...options });

describe('integrateExponential(zb43)', () => {
  test('is exact for a linear flow with constant forcing, in a few steps however long the horizon', () => {
    for (const T of [1, 1e3, 1e6]) {
      const r = solve(0, T, { rtol: 1e-8 });
      // exact up to rounding, which accumulates like eps T in the null space of B (as for any integrator)
      const rounding = 1e-12 + 1e-14 * T;
      expect(norm(diff(r.y, exactLinear(T))) / norm(exactLinear(T))).toBeLessThan(rounding);
      expect(r.steps).toBeLessThanOrEqual(20);
      // the dense output is exact too (g is constant, the quadratic interpolation of g reproduces it)
      for (const t of [T / 3, T / 7, T * 0.99]) expect(norm(diff(r.dense!.evaluate(t), exactLinear(t)))).toBeLessThan(rounding * norm(exactLinear(t)));
    }
  });

  test.each([1e-6, 1e-8, 1e-10])(
    'rtol=%s: stiff nonlinear flows agree with a tight dopri5 solve within 10 rtol, in far fewer evaluations when nearly linear',
    (rtol) => {
      const T = 60; // lambda_max(B B^T) T ~ 2e3: dopri5 is stability-limited
      for (const eps of [0.01, 0.3]) {
        const ref = integrateAdaptive(tableaus.dopri5, problem(eps).f, 0, y0, T, { rtol: 1e-13, atol: 1e-15 });
        const r = solve(eps, T, { rtol });
        expect(norm(diff(r.y, ref.y)) / norm(ref.y)).toBeLessThan(10 * rtol);
        const explicit = integrateAdaptive(tableaus.dopri5, problem(eps).f, 0, y0, T, { rtol, atol: rtol * 1e-2 });
        // fewer evaluations in both regimes; at least twice fewer when nearly linear (the lazy regime)
        expect(r.rhsEvaluations).toBeLessThan(explicit.rhsEvaluations / (eps === 0.01 ? 2 : 1));
      }
    },
  );

  test('dense output: exact at the accepted steps, within 30 rtol of the reference in between, continuous', () => {
    const T = 20;
    const rtol = 1e-8;
    const r = solve(0.05, T, { rtol });
    const dense = r.dense!;
    const ref = integrateAdaptive(tableaus.dopri5, problem(0.05).f, 0, y0, T, { rtol: 1e-13, atol: 1e-15, dense: true }).dense!;
    const ts = dense.ts;
    expect(ts[0]).toBe(0);
    expect(ts[ts.length - 1]).toBe(T);
    expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
    let worst = 0;
    for (let i = 1; i < ts.length; i++) {
      for (const theta of [0.25, 0.5, 0.9]) {
        const t = ts[i - 1]! + theta * (ts[i]! - ts[i - 1]!);
        worst = Math.max(worst, norm(diff(dense.evaluate(t), ref.evaluate(t))));
      }
    }
    expect(worst / (rtol * norm(ref.evaluate(T)))).toBeLessThan(30);
    expect(norm(diff(dense.evaluate(T), r.y))).toBe(0);
  });

  test("its mesh resolves the fast modes: 3-point Gauss over ts integrates |y'|^2 to ~rtol (linear flow, closed form)", () => {
    // int_0^T |y'|^2 dt for y' = -A y + c with y(0) = y0: sum over modes mu of (a_mu)^2 (1 - e^(-2 mu T)) mu / 2,
    // a_mu = v.(c - A y0) / mu the mode's distance to equilibrium (modes in the null space of A: |v.c|^2 T).
    const T = 40;
    const rtol = 1e-8;
    const r = solve(0, T, { rtol });
    const dense = r.dense!;
    const f = problem(0).f;
    const dy = new Float64Array(N);
    const nodes = [-Math.sqrt(0.6), 0, Math.sqrt(0.6)];
    const weights = [5 / 9, 8 / 9, 5 / 9];
    const ts = dense.ts;
    let quad = 0;
    for (let i = 1; i < ts.length; i++) {
      const mid = 0.5 * (ts[i]! + ts[i - 1]!);
      const half = 0.5 * (ts[i]! - ts[i - 1]!);
      nodes.forEach((x, k) => {
        f(0, dense.evaluate(mid + half * x), dy);
        quad += half * weights[k]! * dy.reduce((s, v) => s + v * v, 0);
      });
    }
    // exact: integrate |f(y(t))|^2 with a fine composite rule on the exact solution
    let exact = 0;
    const M = 8000;
    for (let i = 0; i < M; i++) {
      const a = (T * i) / M;
      const h = T / M;
      nodes.forEach((x, k) => {
        f(0, exactLinear(a + h / 2 + (h / 2) * x), dy);
        exact += (h / 2) * weights[k]! * dy.reduce((s, v) => s + v * v, 0);
      });
    }
    expect(Math.abs(quad - exact) / exact).toBeLessThan(20 * rtol);
    expect(ts.length).toBeGreaterThan(r.steps + 1); // the mesh was refined inside steps
  });

  // step counts in the asymptotic range of each method, above the reference error (zb43: errors 9e-10..3e-12;
  // exprk5s8: 7e-11..8e-14, orders 4.8 and 4.9 — at 16-64 steps its error is not yet asymptotic: h Lip(g) ~ 0.3)
  test.each([
    { method: zb43, counts: [128, 256, 512] },
    { method: exponentialMethods.exprk5s8, counts: [96, 192, 384] },
  ])('observed order of $method.name within 0.3 at fixed steps (the linear part frozen at y0), by the stepper alone', ({ method, counts }) => {
    const p = problem(0.3);
    const f = p.f;
    const errorAt = (steps: number): number => {
      const T = 0.5;
      const h = T / steps;
      const stepper = new ExponentialStepper(method, f, N, R);
      const y = Float64Array.from(y0);
      stepper.setDerivative(0, y);
      stepper.setOperator(new NegativeGramOperator(p.linearize(0, y), R, N), y);
      for (let i = 0; i < steps; i++) {
        stepper.step(i * h, y, h);
        stepper.finishStep((i + 1) * h);
        y.set(stepper.yNew);
        stepper.advance(y);
      }
      const ref = integrateAdaptive(tableaus.dopri5, f, 0, y0, T, { rtol: 1e-14, atol: 1e-16 }).y;
      return norm(diff(y, ref));
    };
    const errors = counts.map(errorAt);
    const orders = errors.slice(1).map((e, i) => Math.log2(errors[i]! / e));
    for (const order of orders) expect(Math.abs(order - method.order)).toBeLessThan(0.3);
  });

  // At rtol 1e-10 and below this flow's cost grows with T for both pairs (zb43: 4,541 -> 10,967 evaluations from
  // T = 1e2 to 1e6 at rtol 1e-10, 14,568 -> 651,293 at 1e-12; exprk5s8 2,076 -> 22,686 and 5,599 -> 2,062,002): with
  // atol = rtol / 100 fixed, the rounding of the modal combinations, which grows like h, caps the step once relaxed
  // (docs/performance.md). The gradient flows of the bench scale atol with sqrt(T) and keep log T growth (section b).
  test.each([zb43, exponentialMethods.exprk5s8])('cost grows like log T once relaxed (re-linearizing as the state drifts): $name', (method) => {
    const at = (T: number) => integrateExponential(method, problem(0.8), 0, y0, T, { rtol: 1e-8, atol: 1e-10 });
    const short = at(1e2);
    const long = at(1e6);
    expect(long.rhsEvaluations).toBeLessThan(2 * short.rhsEvaluations);
    expect(long.linearizations).toBeGreaterThan(1);
  });

  test('t1 = t0 returns y0 without evaluating f; bad arguments throw NtkInputError; failures throw NtkSolveError', () => {
    let calls = 0;
    const counting: ExponentialProblem = {
      ...problem(0),
      f: (t, y, dy) => {
        calls++;
        problem(0).f(t, y, dy);
      },
    };
    const r = integrateExponential(zb43, counting, 1, y0, 1, { rtol: 1e-6, atol: 0, dense: true });
    expect(calls).toBe(0);
    expect(Array.from(r.y)).toEqual(Array.from(y0));
    expect(Array.from(r.dense!.evaluate(1))).toEqual(Array.from(y0));
    expect(() => integrateExponential(zb43, problem(0), 0, y0, -1, { rtol: 1e-6, atol: 0 })).toThrow(NtkInputError);
    expect(() => integrateExponential(zb43, problem(0), 0, y0, 1, { rtol: 2, atol: 0 })).toThrow(NtkInputError);
    expect(() => integrateExponential(zb43, problem(0), 0, y0, 1, { rtol: 1e-6, atol: -1 })).toThrow(NtkInputError);
    const budget = () => integrateExponential(zb43, problem(0.05), 0, y0, 50, { rtol: 1e-10, atol: 1e-12, maxSteps: 3 });
    expect(budget).toThrow(NtkSolveError);
    const badLinearization = { ...problem(0), linearize: () => new Float64Array(2) };
    expect(() => integrateExponential(zb43, badLinearization, 0, y0, 1, { rtol: 1e-6, atol: 0 })).toThrow(NtkSolveError);
    const blowUp: ExponentialProblem = { ...problem(0), f: (_t, y, dy) => dy.fill(y[0]! > 0.5 ? Number.NaN : 1) };
    expect(() => integrateExponential(zb43, blowUp, 0, y0, 5, { rtol: 1e-6, atol: 1e-8 })).toThrow(NtkSolveError);
  });
});
