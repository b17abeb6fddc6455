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

describe('ntk-param ladder: "E does not decrease with m" is refuted by a wide margin', () => {
  const ladder = ntkParam.readings.find((r) => r.name === 'ladder')!;
  it('E = O(T) (no decrease in m) fails by 4/3; E = O(T / sqrt(m)) passes at 1/3; E = O(T / m) at 1/12', () => {
    expect(tightness('<=', ladder.bound(ladderWith(0)))).toBeCloseTo(4 / 3, 12);
    expect(tightness('<=', ladder.bound(ladderWith(0.5)))).toBeCloseTo(1 / 3, 12);
    expect(tightness('<=', ladder.bound(ladderWith(1)))).toBeCloseTo(1 / 12, 12);
  });
  it('the sanity mutant is the ladder fed E m / m_0: it fails where E ~ T / m (4/3) and where E ~ T / sqrt(m) (16/3)', () => {
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(1)))).toBeCloseTo(4 / 3, 12);
    expect(tightness('<=', ntkParam.mutant.bound(ladderWith(0.5)))).toBeCloseTo(16 / 3, 12);
  });
});
