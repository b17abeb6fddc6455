import { describe, expect, it } from 'vitest';
import { tightness } from '../../src/statements/tightness.js';
import { ntkParam } from '../../src/statements/defs/ntk-param.js';

type Measure = Parameters<(typeof ntkParam.readings)[number]['bound']>[0];

/** A ladder m = 1, 4, 16 whose error is E(t) = t m^(-rate) at two sample times. */
function ladderWith(rate: number): Measure {
  const rungs = [1, 4, 16].map((m) => ({
    m,
    R0: 1,
    drift: 0,
    points: [0.5, 1].map((t) => ({ t, E: t * m ** -rate, scale: 1, lipBall: 1, lipTrajectory: 1 })),
  }));
  return { rungs } as Measure;
}

describe('ntk-param ladder: the widest rung against the running maximum of the narrower ones', () => {
  const ladder = ntkParam.readings.find((r) => r.name === 'ladder')!;
  it('E = O(T / sqrt(m)) passes at 1/3, E = O(T / m) at 1/12; E = O(T) grows the sup 2x over the last 4x: 2/3, within B', () => {
    expect(tightness('<=', ladder.bound(ladderWith(0.5)))).toBeCloseTo(1 / 3, 12);
    expect(tightness('<=', ladder.bound(ladderWith(1)))).toBeCloseTo(1 / 12, 12);
    expect(tightness('<=', ladder.bound(ladderWith(0)))).toBeCloseTo(2 / 3, 12);
  });
  it('the sanity mutant is the ladder fed E m / m_0: it fails where E sqrt(m) / t is flat (4/3), E ~ T / sqrt(m)', () => {
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(0.5)))).toBeCloseTo(4 / 3, 12);
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(1)))).toBeCloseTo(2 / 3, 12);
  });
  it('a narrowest rung whose E vanishes (below the solver error) leaves the 4 m_0 rung to compare with', () => {
    const flat = ladderWith(0.5);
    const vanishing = { rungs: flat.rungs.map((r, k) => (k === 0 ? { ...r, points: r.points.map((p) => ({ ...p, E: 1e-10 })) } : r)) } as Measure;
    expect(tightness('<=', ladder.bound(vanishing))).toBeCloseTo(1 / 3, 12); // 1 / (3 x 1), not 1 / (3 x 1e-10)
  });
});
