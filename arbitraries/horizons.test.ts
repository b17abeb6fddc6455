import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowStiffness } from '../src/flow/flowStiffness.js';
import { STIFF_HORIZON } from '../src/flow/gradientFlow.js';
import { solveRunPair } from '../src/flow/Run.js';
import { horizonArb, horizonClass, HORIZONS, maxTauOf } from './horizons.js';
import { logUniform } from './logUniform.js';
import { instanceArb } from './instanceArb.js';
import { instanceRanges } from './instanceParamsArb.js';

const SEED = 20231129;

describe('horizons: the long-horizon share of the flow generators', () => {
  it('draws a third of the horizons log-uniformly in [STIFF_HORIZON, maxTau], the rest in [1e-3, STIFF_HORIZON]', () => {
    for (const maxTau of [1e4, 1e5]) {
      const taus = fc.sample(horizonArb('h', { maxTau }), { seed: SEED, numRuns: 4000 });
      expect(Math.min(...taus)).toBeGreaterThanOrEqual(HORIZONS.short[0]);
      expect(Math.max(...taus)).toBeLessThanOrEqual(maxTau);
      const long = taus.filter((t) => t >= STIFF_HORIZON);
      expect(long.length / taus.length).toBeGreaterThan(0.3);
      expect(long.length / taus.length).toBeLessThan(0.37);
      // log-uniform over the long decades: each decade of [1e2, maxTau] holds its share (bias of fast-check aside)
      const decades = Math.log10(maxTau / STIFF_HORIZON);
      const top = long.filter((t) => t >= maxTau / 10).length / long.length;
      expect(top).toBeGreaterThan(0.6 / decades);
      expect(top).toBeLessThan(1.6 / decades);
    }
  });

  it('classifies a horizon by the path gradientFlow takes: short below STIFF_HORIZON, long, very-long from 1e3', () => {
    const taus = [99.99, STIFF_HORIZON, 999, HORIZONS.veryLong, 1e5];
    expect(taus.map(horizonClass)).toEqual(['short', 'long', 'long', 'very-long', 'very-long']);
  });

  it('validates maxTau (a finite number >= STIFF_HORIZON) and spans the default tau box over the whole mixture', () => {
    expect(maxTauOf('x.maxTau', {})).toBe(HORIZONS.maxTau);
    expect(maxTauOf('x.maxTau', { maxTau: 1e5 })).toBe(1e5);
    expect(() => maxTauOf('x.maxTau', { maxTau: 10 })).toThrow('x.maxTau=10 must be a finite number >= 100');
    expect(() => instanceArb({ maxTau: Infinity })).toThrow('instanceArb.maxTau=Infinity');
    expect(instanceRanges({}).tau).toEqual([1e-3, 1e4]);
    expect(instanceRanges({ maxTau: 1e5 }).tau).toEqual([1e-3, 1e5]);
    expect(instanceRanges({ tau: [1e-2, 4], maxTau: 1e5 }).tau).toEqual([1e-2, 4]); // a given range is the range
    expect(instanceRanges({ longHorizons: false }).tau).toEqual(HORIZONS.short);
  });

  it("longHorizons: false draws the short horizons alone, as logUniform over them draws them (the search's space)", () => {
    const options = { seed: SEED, numRuns: 200 };
    expect(fc.sample(horizonArb('h', { longHorizons: false, maxTau: 1e5 }), options)).toEqual(fc.sample(logUniform(...HORIZONS.short), options));
  });

  it('instanceArb: tau = T lambda_max(K0) of the built instance; a long horizon is solved on the exponential path, both solves', () => {
    const cases = fc.sample(instanceArb({ families: ['quadratic', 'structured', 'scalar'], maxN: 3, maxP: 4, maxTau: 1e5 }), { seed: SEED, numRuns: 120 });
    const classes = new Set<string>();
    for (const c of cases) {
      const tau = flowStiffness(c.instance);
      classes.add(horizonClass(tau));
      if (tau < STIFF_HORIZON) continue;
      const { primary, tight } = solveRunPair(c.instance, { rtol: 1e-8 });
      expect([primary.nonlinear.method, tight.nonlinear.method], `tau=${tau}`).toEqual(['exponential', 'exponential']);
      expect(Number.isFinite(tight.E)).toBe(true);
    }
    expect([...classes].sort()).toEqual(['long', 'short', 'very-long']);
    expect(Math.max(...cases.map((c) => flowStiffness(c.instance)))).toBeGreaterThan(1e4); // the deep size reaches past 1e4
  });
});
