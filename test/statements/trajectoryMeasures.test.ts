/**
 * What the pointwise flow statements measure, on the converse model (docs/theory.md), where every quantity along the
 * trajectory has a closed form: K_t = J(w(t))^2 = (a + b w(t))^2, K0 = a^2, rbar(t) = r(0) e^(-a^2 t).
 */
import { describe, expect, test } from 'vitest';
import { converseModel } from '../../src/models/scalar.js';
import { PreciseConverse } from '../../src/precise/PreciseConverse.js';
import { certifiedRadius } from '../../src/statements/certifiedRadius.js';
import { eq14 } from '../../src/statements/defs/eq-14.js';
import { eq15 } from '../../src/statements/defs/eq-15.js';
import { eq16Weights } from '../../src/statements/defs/eq-16.weights.js';
import { flowEnergy } from '../../src/statements/defs/flow.energy.js';
import { flowResidual } from '../../src/statements/defs/flow.residual.js';
import { prop11 } from '../../src/statements/defs/prop-1.1.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';

const P = { alpha: 2, T: 1.5, lip: 0.8, R0: 0.5 };
const a = 1 / Math.sqrt(P.T);
const r0 = Math.sqrt(2 * P.R0);
const c: FlowCase = {
  instance: { model: converseModel({ T: P.T, lip: P.lip }), yStar: Float64Array.of(r0), alpha: P.alpha, T: P.T },
  family: 'scalar',
  direction: 'top',
};
const exact = new PreciseConverse(P, { digits: 20 });

/** The closed-form state at t: w, J = h'(w), r, rbar, e = r - rbar. */
function at(t: number) {
  const w = exact.w(t).toNumber();
  const J = a + P.lip * w;
  const r = r0 - P.alpha * (a * w + (P.lip * w * w) / 2);
  const rbar = r0 * Math.exp(-a * a * t);
  return { w, J, r, rbar, e: r - rbar };
}

const close = (x: number, y: number, rel = 1e-6, abs = 1e-12) => Math.abs(x - y) <= rel * Math.abs(y) + abs;

describe('pointwise measurements against the closed form', () => {
  test('eq-16.weights: ||w(t) - w0||, Lip(h) on the certified radius (it contains the path), sqrt(T R0) / alpha', () => {
    const { tight } = eq16Weights.measure(c);
    expect(tight.length).toBeGreaterThan(3);
    let lastT = 0;
    for (const q of tight) {
      const s = at(q.t);
      expect(q.t).toBeGreaterThan(lastT);
      lastT = q.t;
      expect(close(q.distance, s.w)).toBe(true);
      const radius = certifiedRadius(c.instance.model, q.R0, P.alpha, q.t);
      expect(q.lipH).toBe(c.instance.model.lipH(radius));
      expect(radius).toBeGreaterThanOrEqual(s.w); // the certified ball contains w(t) ...
      expect(radius).toBeLessThanOrEqual((Math.sqrt(q.t * P.R0) / P.alpha) * (1 + 1e-14)); // ... within the energy radius
      expect(q.lipH).toBeGreaterThanOrEqual(a + P.lip * s.w);
      expect([q.R0, q.alpha]).toEqual([expect.closeTo(P.R0, 14), P.alpha]);
      expect(q.scale).toBeCloseTo(Math.sqrt(P.T * P.R0) / P.alpha, 14);
    }
    expect(lastT).toBe(P.T);
  });

  test('eq-14: D = 2 e de/dt, P = e (K_t - K0) r, S = 2 s^2 (K_t + K0) with s the residual operand scale; D + 2P = -2 K0 e^2', () => {
    const tight = eq14.measure(c).tight.points;
    // s = Run.residualScale = ||y*|| + alpha max(|h(w0)|, |h(w(T))|) = r0 + (r0 - r(T)) here (h(w0) = 0, y* = r0).
    const s0 = 2 * r0 - at(P.T).r;
    const times = eq16Weights.measure(c).tight.map((q) => q.t); // the same sample times
    expect(tight).toHaveLength(times.length);
    tight.forEach((q, k) => {
      const s = at(times[k]!);
      const K = s.J * s.J;
      expect(close(q.derivative, 2 * s.e * (-K * s.r + a * a * s.rbar), 1e-5)).toBe(true);
      expect(close(q.coupling, s.e * (K - a * a) * s.r, 1e-5)).toBe(true);
      expect(close(q.scale, 2 * s0 * s0 * (Math.abs(K) + a * a), 1e-5)).toBe(true);
      expect(Math.abs(q.derivative + 2 * q.coupling + 2 * a * a * s.e * s.e)).toBeLessThan(1e-6 * q.scale + 1e-15);
    });
  });

  test('eq-14 identity: the central difference of e^2 on the dense output matches the closed-form rate within its derived tolerance', () => {
    const tight = eq14.measure(c).tight.identity();
    const largestRate = Math.max(...tight.map((q) => Math.abs(q.rate)));
    for (const q of tight) {
      expect(Math.abs(q.difference - q.rate)).toBeLessThanOrEqual(q.tolerance); // the identity holds ...
      expect(q.tolerance).toBeLessThan(largestRate / 5); // ... and its tolerance is far below the rate (the mutant misses by 2 |rate|)
    }
    // The rate is -2 e (K_t r - K0 rbar) at the difference's centre, the sample time away from the ends (T / 2 here):
    // it matches the closed form there, and the difference agrees with it far more closely than the tolerance asks.
    const times = eq16Weights.measure(c).tight.map((q) => q.t);
    const k = times.findIndex((t) => t >= P.T / 2);
    const mid = tight[k]!;
    const s = at(times[k]!);
    expect(close(mid.rate, -2 * s.e * (s.J * s.J * s.r - a * a * s.rbar), 1e-5)).toBe(true);
    expect(Math.abs(mid.difference - mid.rate)).toBeLessThan(mid.tolerance / 10);
  });

  test('eq-15: d/dt ||e||, ||K_t - K0|| ||r||, and Lip(h), Lip(Dh) on B(w0, ||w(t) - w0||)', () => {
    const { tight } = eq15.measure(c);
    const times = eq16Weights.measure(c).tight.map((q) => q.t);
    expect(tight).toHaveLength(times.length); // e != 0 at every t > 0 here
    tight.forEach((q, k) => {
      const s = at(times[k]!);
      const K = s.J * s.J;
      expect(close(q.rate, Math.sign(s.e) * (-K * s.r + a * a * s.rbar), 1e-5)).toBe(true);
      expect(close(q.kernelTerm, Math.abs(K - a * a) * Math.abs(s.r), 1e-5)).toBe(true);
      expect(close(q.distance, s.w)).toBe(true);
      expect(close(q.lipH, a + P.lip * s.w)).toBe(true);
      expect(q.lipDh).toBe(P.lip);
      expect(q.R0).toBeCloseTo(P.R0, 14);
      expect(q.scale).toBeGreaterThanOrEqual((K + a * a) * Math.abs(s.r) * (1 - 1e-6));
    });
  });
});

describe('identities', () => {
  test("flow.energy: R0 - R(T) = alpha^2 int ||w'||^2, R never increases", () => {
    const { primary, tight } = flowEnergy.measure(c);
    const RT = at(P.T).r ** 2 / 2;
    for (const m of [primary, tight]) {
      expect(close(m.decrease, P.R0 - RT, 1e-6)).toBe(true);
      expect(close(m.dissipation * P.alpha ** 2, m.decrease, 1e-7)).toBe(true);
      expect([m.alpha, m.maxIncrease]).toEqual([P.alpha, 0]);
      expect(m.R0).toBeCloseTo(P.R0, 14);
    }
  });

  test('flow.residual: dr/dt + c K_t r vanishes only for c = 1, pointwise and integrated; rbar matches an ODE solve', () => {
    const { tight } = flowResidual.measure(c);
    expect(tight.pointwise(1)).toBeLessThan(1e-12);
    expect(tight.pointwise(0.5)).toBeCloseTo(0.5, 10);
    expect(tight.pointwise(0)).toBeCloseTo(1, 10);
    expect(tight.integral(1)).toBeLessThan(1e-8);
    expect(tight.integral(0) * tight.condition).toBeCloseTo(Math.abs(at(P.T).r - r0) / r0, 6);
    expect(tight.condition).toBeGreaterThan(2);
    expect(tight.linear).toBeLessThan(1e-8);
    expect(tight.linear).toBeGreaterThan(0);
  });

  test('prop-1.1: the balls of both time limits, and the hypothesis', () => {
    const { tight } = prop11.measure(c);
    // Lip(h; rho) = a + b rho: the smallest rho with T (a + b rho) s <= alpha rho is T a s / (alpha - T b s).
    const rhoA = (P.T * a * Math.sqrt(P.R0)) / (P.alpha - P.T * P.lip * Math.sqrt(P.R0));
    const rhoB = (P.T * a * r0) / (P.alpha - P.T * P.lip * r0);
    expect(tight.ballA?.rho).toBeCloseTo(rhoA, 12);
    expect(tight.ballB?.rho).toBeCloseTo(rhoB, 12);
    expect(tight.ballA?.lipDh).toBe(P.lip);
    expect(close(tight.ballB!.lipH, a + P.lip * rhoB, 1e-12)).toBe(true);
    expect(close(tight.E, Math.abs(at(P.T).e), 1e-5)).toBe(true);
    expect([tight.T, tight.alpha]).toEqual([P.T, P.alpha]);
    expect(tight.rScale).toBeGreaterThanOrEqual(r0);
    expect(tight.trajectoryRadius).toBeCloseTo(at(P.T).w, 6);
    expect(prop11.applies(c)).toBe(true);
    // alpha <= T Lip(Dh) sqrt(R0): no ball admits the time limit.
    const far: FlowCase = { ...c, instance: { ...c.instance, alpha: 0.5 } };
    expect(prop11.applies(far)).toBe(false);
    expect(prop11.labels(c, tight).leftBall).toBe(tight.trajectoryRadius > rhoA ? 'yes' : 'no');
  });
});
