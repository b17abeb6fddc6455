/** The bounds of Cor. 2.2 and of the NTK-parametrization statement on crafted measurements. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { horizonClass } from '../../arbitraries/horizons.js';
import { flowStiffness } from '../../src/flow/flowStiffness.js';
import { cor22 } from '../../src/statements/defs/cor-2.2.js';
import { ntkParam } from '../../src/statements/defs/ntk-param.js';
import type { Reading } from '../../src/statements/Statement.js';

function reading<M>(statement: { readonly readings: readonly Reading<M>[]; readonly mutant: Reading<M> }, name: string): Reading<M> {
  return [...statement.readings, statement.mutant].find((r) => r.name === name)!;
}

describe("cor-2.2: E <= max(6 K' R0, sqrt(8 R0)) min(T / alpha, 1)", () => {
  const q = {
    T: 2,
    alpha: 4,
    n: 1,
    R0: 0.5,
    r0: 1,
    E: 0.01,
    rho: 0.25,
    lipDh: 0.3,
    lipH: 1,
    kappa: 0.1,
    weightChange: 0.1,
    linearWeightChange: 0.1,
    trajectoryRadius: 0.1,
    rScale: 1,
    KA: 0.5,
    K: 0.5,
    trajectoryA: 0.4,
    activation: 'tanh',
    scale: 3,
  };
  test("restored K' = K^2 + K^4, explicit K' = Lip(Dh): the larger of the kernel and saturation terms, times min(T/alpha, 1)", () => {
    // K' = 0.3125: 6 K' R0 = 0.9375 < sqrt(8 R0) = 2; min(T/alpha, 1) = 0.5 ('linear').
    expect(reading(cor22, 'restored').bound(q)).toEqual({ lhs: 0.01, rhs: 1, branch: 'linear', scale: 3 });
    // K = 2: K' = 20, 6 K' R0 = 60 > 2.
    expect(reading(cor22, 'restored').bound({ ...q, K: 2 })).toEqual({ lhs: 0.01, rhs: 30, branch: 'linear', scale: 3 });
    // explicit: 6 * 0.3 * 0.5 = 0.9 < 2; T/alpha = 8 > 1 ('saturated').
    expect(reading(cor22, 'explicit').bound({ ...q, T: 32 })).toEqual({ lhs: 0.01, rhs: 2, branch: 'saturated', scale: 3 });
    const big = reading(cor22, 'explicit').bound({ ...q, lipDh: 10 });
    expect(big.rhs).toBeCloseTo(15, 13); // 6 * 10 * 0.5 * 0.5
  });

  test('the sanity mutant is the explicit bound divided by a constant > 1', () => {
    const explicit = reading(cor22, 'explicit').bound(q);
    const mutant = reading(cor22, 'mutant').bound(q);
    expect([mutant.lhs, mutant.branch, mutant.scale]).toEqual([explicit.lhs, explicit.branch, explicit.scale]);
    expect(explicit.rhs / mutant.rhs).toBeGreaterThan(1);
    expect(explicit.rhs / mutant.rhs).toBe(reading(cor22, 'explicit').bound({ ...q, T: 40 }).rhs / reading(cor22, 'mutant').bound({ ...q, T: 40 }).rhs);
  });

  test('labels: activation, which term of C wins, whether the trajectory left {A <= K_A}, the kappa regime', () => {
    const [drawn] = fc.sample(cor22.arbitrary(), { seed: 1, numRuns: 1 });
    const c = { ...drawn!, direction: 'random' };
    const horizon = horizonClass(flowStiffness(c.instance));
    const labels = { family: 'meanField', direction: 'random', horizon, activation: 'tanh', C: 'saturation', region: 'inside', kappa: 'kappa<1' };
    expect(cor22.labels(c, q)).toEqual(labels);
    expect(cor22.labels(c, { ...q, lipDh: 10, trajectoryA: 0.6, kappa: 1 })).toMatchObject({ C: 'kernel', region: 'left', kappa: 'kappa>=1' });
    expect(cor22.labels(c, { ...q, trajectoryA: 0.5 }).region).toBe('inside'); // on the boundary
    expect(cor22.labels(c, { ...q, lipDh: 2 / 3 }).C).toBe('kernel'); // 6 * (2/3) * 0.5 = 2 = sqrt(8 R0)
  });
});

describe('ntk-param: E(t) sqrt(m) / t along a ladder of widths', () => {
  const rung = (m: number, points: { t: number; E: number }[]) => ({
    m,
    R0: 0.5,
    drift: 0.01 * m,
    points: points.map((p) => ({ ...p, scale: 2, lipBall: 1.5, lipTrajectory: 1 })),
  });
  const q = {
    rungs: [
      rung(4, [
        { t: 1, E: 0.2 },
        { t: 2, E: 0.5 },
      ]), // E sqrt(m) / t: 0.4, 0.5
      rung(16, [
        { t: 1, E: 0.1 },
        { t: 2, E: 0.3 },
      ]), // 0.4, 0.6
      rung(64, [
        { t: 1, E: 0.1 },
        { t: 2, E: 0.1 },
      ]), // 0.8, 0.4
    ],
  };
  test('restored and trajectory: the worst point against 6 R0 Lip (Lip on the ball, or along the trajectory)', () => {
    // Worst E sqrt(m)/t is 0.8 at m = 64, t = 1; 6 R0 Lip = 4.5 (ball) or 3 (trajectory); scale 2 * 8 / 1.
    expect(reading(ntkParam, 'restored').bound(q)).toEqual({ lhs: 0.8, rhs: 4.5, branch: 'm=64', scale: 16 });
    expect(reading(ntkParam, 'trajectory').bound(q)).toEqual({ lhs: 0.8, rhs: 3, branch: 'm=64', scale: 16 });
  });

  test('ladder: the sup at the widest width against sqrt(2) times the largest of the narrower ones; the mutant uses m^(3/2)', () => {
    // sups: 0.5 (m = 4, t = 2), 0.6 (m = 16, t = 2), 0.8 (m = 64, t = 1).
    const ladder = reading(ntkParam, 'ladder').bound(q);
    expect(ladder.lhs).toBe(0.8);
    expect(ladder.rhs).toBeCloseTo(Math.SQRT2 * 0.6, 15);
    expect(ladder.scale).toBeCloseTo(16 + Math.SQRT2 * 4, 14); // widest 2 sqrt(64) / 1, plus B = sqrt(2) times the m = 16 rung's 2 sqrt(16) / 2
    // E m^(3/2) / t: m = 4: 1.6, 2; m = 16: 6.4, 9.6; m = 64: 51.2, 25.6.
    const mutant = reading(ntkParam, 'mutant').bound(q);
    expect(mutant.lhs).toBeCloseTo(51.2, 12);
    expect(mutant.rhs).toBeCloseTo(Math.SQRT2 * 9.6, 12);
  });

  test('labels: activation, horizon against 1 and sqrt(widest width), and the largest drift of A', () => {
    const c = { activation: 'sigmoid' as const, x: [[1]], y: [1], T: 0.5, widths: [4, 16, 64], seed: 1 };
    expect(ntkParam.labels(c, q)).toEqual({ activation: 'sigmoid', horizon: 'T<1', drift: 'A(t)-A0<1' });
    expect(ntkParam.labels({ ...c, T: 1 }, q).horizon).toBe('1<=T<sqrt(m)');
    expect(ntkParam.labels({ ...c, T: 8 }, q).horizon).toBe('T>=sqrt(m)');
    expect(ntkParam.labels(c, { rungs: [rung(4, [])] }).drift).toBe('A(t)-A0<0.1');
    expect(ntkParam.labels(c, { rungs: [rung(400, [])] }).drift).toBe('A(t)-A0>=1');
  });
});
