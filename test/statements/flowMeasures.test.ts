/**
 * What the flow statements measure on a solved run, against the closed form of the converse model (docs/theory.md:
 * h(w) = a w + b w^2 / 2, a = 1/sqrt(T), b = Lip(Dh), w0 = 0, y* = sqrt(2 R0)), where every quantity is known.
 */
import { describe, expect, test } from 'vitest';
import { horizonClass } from '../../arbitraries/horizons.js';
import { flowStiffness } from '../../src/flow/flowStiffness.js';
import { solveRun } from '../../src/flow/Run.js';
import { converseModel } from '../../src/models/scalar.js';
import { PreciseConverse } from '../../src/precise/PreciseConverse.js';
import { FLOW_RTOL, flowStatement, kappaRegime } from '../../src/statements/flowStatement.js';
import { flowQuantities } from '../../src/statements/flowQuantities.js';
import { frozenKernelQuantities } from '../../src/statements/frozenKernel.js';
import { dot, sampleTimes, trajectoryPoint } from '../../src/statements/trajectoryPoint.js';
import type { Reading } from '../../src/statements/Statement.js';
import fc from 'fast-check';

const P = { alpha: 2, T: 1.5, lip: 0.8, R0: 0.5 };
const a = 1 / Math.sqrt(P.T);
const r0 = Math.sqrt(2 * P.R0);
const instance = { model: converseModel({ T: P.T, lip: P.lip }), yStar: Float64Array.of(r0), alpha: P.alpha, T: P.T };
const run = solveRun(instance, { rtol: FLOW_RTOL });
const exact = new PreciseConverse(P, { digits: 20 });
const wAt = (t: number) => exact.w(t).toNumber();
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('flowQuantities', () => {
  test('R0, ||r(0)||, E, rho, kappa and the certified constants of the Prop 3.1 ball', () => {
    const q = flowQuantities(run);
    const rho = Math.sqrt(P.T * P.R0) / P.alpha;
    expect([q.T, q.alpha]).toEqual([P.T, P.alpha]);
    expect(q.R0).toBeCloseTo(P.R0, 15);
    expect(q.r0).toBeCloseTo(r0, 15);
    expect(rel(q.E, exact.E.toNumber())).toBeLessThan(1e-6);
    expect(q.rho).toBeCloseTo(rho, 15);
    expect(q.lipDh).toBe(P.lip);
    expect(rel(q.lipH, a + P.lip * rho)).toBeLessThan(1e-14);
    expect(q.lipH).toBeGreaterThanOrEqual(a + P.lip * rho);
    expect(q.kappa).toBeCloseTo((P.T * P.lip * Math.sqrt(P.R0)) / P.alpha, 14);
    expect(rel(q.weightChange, wAt(P.T))).toBeLessThan(1e-6);
    expect(q.linearWeightChange).toBe(run.linearWeightChange);
    expect(q.trajectoryRadius).toBe(run.trajectoryRadius);
    expect(q.rScale).toBe(Math.max(r0, run.residualScale));
  });
});

describe('frozenKernelQuantities', () => {
  test("||J(w(T)) - J0|| = b w(T) and r'(T) = exp(-K_T T) r(0) with K_T = (a + b w(T))^2", () => {
    const q = frozenKernelQuantities(run);
    const wT = wAt(P.T);
    expect(rel(q.jacobianChange, P.lip * wT)).toBeLessThan(1e-6);
    const frozenGap = Math.abs(r0 * Math.exp(-((a + P.lip * wT) ** 2) * P.T) - r0 * Math.exp(-(a ** 2) * P.T));
    expect(rel(q.frozenGap, frozenGap)).toBeLessThan(1e-6);
    expect(q.E).toBe(flowQuantities(run).E);
  });
});

describe('trajectoryPoint', () => {
  test('both flows at t, with dr/dt = -K_t r from the right-hand side and the kernels of the scalar model', () => {
    const t = 0.6;
    const w = wAt(t);
    const J = a + P.lip * w;
    const r = r0 - P.alpha * (a * w + (P.lip * w * w) / 2);
    const rbar = r0 * Math.exp(-(a ** 2) * t);
    const q = trajectoryPoint(run, t);
    expect(q.t).toBe(t);
    expect(rel(q.distance, w)).toBeLessThan(1e-6);
    expect(rel(q.r[0]!, r)).toBeLessThan(1e-6);
    expect(rel(q.rbar[0]!, rbar)).toBeLessThan(1e-12);
    expect(q.e[0]).toBe(q.r[0]! - q.rbar[0]!);
    expect(rel(q.rDot[0]!, -J * J * r)).toBeLessThan(1e-6);
    expect(rel(q.Ktr[0]!, J * J * r)).toBeLessThan(1e-6);
    expect(rel(q.K0r[0]!, a * a * r)).toBeLessThan(1e-6);
    expect(rel(q.K0rbar[0]!, a * a * rbar)).toBeLessThan(1e-12);
    expect(rel(q.kernelChange, J * J - a * a)).toBeLessThan(1e-5);
    expect(rel(q.kernelNorm, J * J)).toBeLessThan(1e-6);
    expect(rel(q.kernel0Norm, a * a)).toBeLessThan(1e-14);
    expect(rel(q.speed, (J * r) / P.alpha)).toBeLessThan(1e-6);
  });

  test('sampleTimes: t1 / 10 inside the first step, then every mesh point and step midpoint in (0, T] when few; an even subsample ending at T otherwise', () => {
    const { ts } = run.nonlinear.trajectory;
    const t1 = ts[1]!;
    const early = [t1 / 10];
    const all = sampleTimes(run, Number.MAX_SAFE_INTEGER);
    expect(all).toHaveLength(1 + 2 * (ts.length - 1));
    expect(all.slice(0, 1)).toEqual(early);
    expect(all[1]).toBe(0.5 * (ts[0]! + ts[1]!));
    expect(all[2]).toBe(t1);
    expect(all.at(-1)).toBe(P.T);
    const few = sampleTimes(run, 3);
    expect(few).toHaveLength(4);
    expect(few.slice(0, 1)).toEqual(early);
    expect(few.at(-1)).toBe(P.T);
    expect(few.every((t, k) => k === 0 || t > few[k - 1]!)).toBe(true);
    expect(few[1]).toBe(all[1 + Math.floor((all.length - 1) / 3) - 1]);
    expect(sampleTimes(run).length).toBe(1 + Math.min(48, all.length - 1));
  });

  test('dot', () => {
    expect(dot(Float64Array.of(1, 2, 3), Float64Array.of(4, -5, 6))).toBe(12);
  });
});

describe('flowStatement: the shared machinery of flow statements', () => {
  const reading: Reading<number> = { name: 'restored', formula: 'E <= 1', expected: 'holds', bound: (E) => ({ lhs: E, rhs: 1 }) };
  const seen: unknown[] = [];
  const statement = flowStatement<number>({
    id: 'test',
    source: 'test',
    relation: '<=',
    summary: 'test',
    readings: [reading],
    mutant: { ...reading, name: 'mutant' },
    arbitrary: () => fc.constant({ instance, family: 'scalar', direction: 'top' }),
    extract: (r, reference) => {
      seen.push([r, reference]);
      return r.E;
    },
    labels: (E) => ({ big: E > 0.1 ? 'yes' : 'no' }),
    requiredCoverage: {},
  });
  const c = { instance, family: 'scalar', direction: 'top' };

  test('measure: the run at rtol 1e-8 and its 100x tighter re-solve, both extracted against the tight run', () => {
    const m = statement.measure(c);
    expect(m.tightAccuracy).toBe(FLOW_RTOL / 100);
    expect(rel(m.primary, m.tight)).toBeLessThan(1e-6);
    expect(seen).toHaveLength(2);
    const [[primaryRun, ref1], [tightRun, ref2]] = seen as [[unknown, unknown], [unknown, unknown]];
    expect(ref1).toBe(tightRun);
    expect(ref2).toBe(tightRun);
    expect(primaryRun).not.toBe(tightRun);
    expect(m.cost).toBe((primaryRun as typeof run).nonlinear.rhsEvaluations + (tightRun as typeof run).nonlinear.rhsEvaluations);
    const reference = m.reference?.();
    expect(reference).toBeDefined();
    expect(rel(reference!.measurement, exact.E.toNumber())).toBeLessThan(1e-12); // the decimal.js closed form
    expect(m.reference?.()).toBe(reference); // computed once
  });

  test('applies by default, labels add family and direction, describe/revive round-trips, revive validates', () => {
    expect(statement.applies(c)).toBe(true);
    expect(statement.labels(c, 0.5)).toEqual({ family: 'scalar', direction: 'top', horizon: horizonClass(flowStiffness(c.instance)), big: 'yes' });
    const d = JSON.parse(JSON.stringify(statement.describe(c))) as Record<string, unknown>;
    expect([d.family, d.direction]).toEqual(['scalar', 'top']);
    expect(statement.describe(statement.revive(d))).toEqual(d);
    expect(statement.revive({ instance: d.instance }).family).toBe('unknown');
    expect(statement.revive({ instance: d.instance }).direction).toBe('unknown');
    expect(() => statement.revive('x')).toThrow('case="x" must be an object');
  });

  test('kappaRegime', () => {
    expect([kappaRegime(0.999), kappaRegime(1), kappaRegime(3)]).toEqual(['kappa<1', 'kappa>=1', 'kappa>=1']);
  });
});
