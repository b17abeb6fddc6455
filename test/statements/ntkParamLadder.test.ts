import { describe, expect, it } from 'vitest';
import { tightness } from '../../src/statements/tightness.js';
import { ntkParam } from '../../src/statements/defs/ntk-param.js';

type Measure = Parameters<(typeof ntkParam.readings)[number]['bound']>[0];

/** A ladder m = 1, 4, 16, 64 whose error is E(t) = t m^(-rate) at two sample times: sup E sqrt(m) / t = m^(1/2 - rate). */
function ladderWith(rate: number): Measure {
  const rungs = [1, 4, 16, 64].map((m) => ({
    m,
    R0: 1,
    drift: 0,
    points: [0.5, 1].map((t) => ({ t, E: t * m ** -rate, scale: 1, lipBall: 1, lipTrajectory: 1 })),
  }));
  return { rungs } as Measure;
}

describe('ntk-param ladder: the widest rung against the running maximum of the narrower ones', () => {
  const ladder = ntkParam.readings.find((r) => r.name === 'ladder')!;
  it('B = sqrt(2): the claimed E = O(T / sqrt(m)) passes at 1/sqrt(2), E = O(T / m) at 1/(8 sqrt(2)); E = O(T), not decreasing with m, fails by sqrt(2)', () => {
    expect(tightness('<=', ladder.bound(ladderWith(0.5)))).toBeCloseTo(Math.SQRT1_2, 12);
    expect(tightness('<=', ladder.bound(ladderWith(1)))).toBeCloseTo(1 / (8 * Math.SQRT2), 12); // against the m = 1 rung's record
    expect(tightness('<=', ladder.bound(ladderWith(0)))).toBeCloseTo(Math.SQRT2, 12);
    expect(tightness('<=', ladder.bound(ladderWith(0.25)))).toBeCloseTo(1, 12); // the rate B sits on: m^(-1/4)
  });
  it('the sanity mutant is the ladder fed E m / m_0: E = O(T / m) (the measured rate) turns into E = O(T) and fails by sqrt(2)', () => {
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(1)))).toBeCloseTo(Math.SQRT2, 12);
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(0.5)))).toBeCloseTo(2 * Math.SQRT2, 12);
  });
  it('a narrowest rung whose E vanishes (below the solver error) leaves the 4 m_0 rung to compare with', () => {
    const flat = ladderWith(0.5);
    const vanishing = { rungs: flat.rungs.map((r, k) => (k === 0 ? { ...r, points: r.points.map((p) => ({ ...p, E: 1e-10 })) } : r)) } as Measure;
    expect(tightness('<=', ladder.bound(vanishing))).toBeCloseTo(Math.SQRT1_2, 12); // 1 / (sqrt(2) x 1), not 1 / (sqrt(2) x 1e-10)
  });
});
