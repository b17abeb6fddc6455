import { describe, expect, it } from 'vitest';
import type { AuditProblem } from '../../src/audit/AuditProblem.js';
import { converseProbes, describeProbe } from '../../src/audit/converseProbes.js';
import { integrateAdaptive } from '../../src/integrators/integrateAdaptive.js';
import { tableaus } from '../../src/integrators/tableaus/index.js';

/** y(t1) by ntk-check's own adaptive Dormand-Prince at a tight tolerance: an independent check of the closed forms. */
function tightSolve(problem: AuditProblem, t0: number, y0: Float64Array, t1: number): Float64Array {
  const rhs = (t: number, y: Float64Array, dy: Float64Array) => dy.set(problem.rhs(t, y));
  return integrateAdaptive(tableaus.dopri5, rhs, t0, y0, t1, { rtol: 1e-13, atol: 1e-16 }).y;
}

describe('converseProbes', () => {
  const probes = converseProbes(3, 7);

  it('draws each parameter set as an autonomous, a time-warped and a rotated three-component probe', () => {
    expect(probes.map((p) => `${p.set}:${p.kind}`)).toEqual([1, 2, 3].flatMap((set) => [`${set}:autonomous`, `${set}:non-autonomous`, `${set}:vector`]));
    expect(probes.filter((p) => p.kind === 'vector').every((p) => p.problem.dim === 3 && p.y0.length === 3)).toBe(true);
    const kappas = probes.filter((p) => p.kind === 'autonomous').map((p) => p.params.kappa);
    expect(new Set(kappas).size).toBe(3);
    for (const k of kappas) expect(k >= 0.1 && k <= 1.5).toBe(true);
  });

  it('is deterministic per seed', () => {
    expect(converseProbes(3, 7).map(describeProbe)).toEqual(probes.map(describeProbe));
    expect(converseProbes(3, 8).map(describeProbe)).not.toEqual(probes.map(describeProbe));
  });

  it.each(probes.map((p) => [`${p.kind} #${p.set}`, p] as const))('%s: the decimal reference agrees with a tight dopri5 solve', (_, probe) => {
    const y = tightSolve(probe.problem, probe.t0, probe.y0, probe.t1);
    expect(probe.relativeError(y)).toBeLessThan(1e-10);
    // A wrong end time is far off: the reference is not trivially close to anything.
    expect(probe.relativeError(tightSolve(probe.problem, probe.t0, probe.y0, probe.t0 + 0.9 * (probe.t1 - probe.t0)))).toBeGreaterThan(1e-4);
  });

  it('knows the autonomous flow at other times (for the step-count diagnosis)', () => {
    for (const probe of probes.filter((p) => p.kind === 'autonomous')) {
      const t = 0.6 * probe.t1;
      expect(probe.relativeDistance(tightSolve(probe.problem, 0, probe.y0, t), t)).toBeLessThan(1e-10);
    }
  });
});
