import { describe, expect, it } from 'vitest';
import { simplex } from '../../src/search/_internals/simplex.js';
import { nelderMeadClimber } from '../../src/search/nelderMeadClimber.js';
import type { ParamBlock } from '../../arbitraries/SearchSpace.js';

/** Drive a simplex on f for `evaluations` values (restarting never), return its best vertex. */
function minimize(f: (x: readonly number[]) => number, x0: number[], evaluations: number) {
  const s = simplex(x0, f(x0), 0.5, 1e-12);
  for (let i = 0; i < evaluations && !s.converged; i++) s.report(f(s.propose()));
  return s.best;
}

describe('simplex: ask-and-tell Nelder-Mead with adaptive coefficients', () => {
  it('minimizes the Rosenbrock function from (-1.2, 1) to (1, 1)', () => {
    const rosenbrock = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const best = minimize(rosenbrock, [-1.2, 1], 2000);
    expect(best.f).toBeLessThan(1e-10);
    expect(best.x[0]).toBeCloseTo(1, 4);
    expect(best.x[1]).toBeCloseTo(1, 4);
  });

  it('minimizes a 12-dimensional ill-conditioned quadratic (the adaptive coefficients keep it descending)', () => {
    const f = (x: readonly number[]) => x.reduce((s, v, i) => s + 10 ** (i / 4) * (v - 0.3) ** 2, 0);
    const best = minimize(f, new Array<number>(12).fill(-1), 20_000);
    expect(best.f).toBeLessThan(1e-8);
  });

  it('never keeps a point without a value (+Infinity or NaN), and proposes the same point until told its value', () => {
    const f = (x: readonly number[]) => (x[0]! > 0.2 ? Infinity : x[0]! < -0.9 ? NaN : (x[0]! - 0.1) ** 2 + x[1]! ** 2);
    const s = simplex([0, 0.5], f([0, 0.5]), 0.5, 1e-12);
    expect(s.propose()).toBe(s.propose());
    for (let i = 0; i < 500 && !s.converged; i++) s.report(f(s.propose()));
    expect(Number.isFinite(s.best.f)).toBe(true);
    expect(s.best.x[0]).toBeCloseTo(0.1, 5);
  });
});

const blocks: ParamBlock[] = [
  { name: 'scale', group: 'scales', length: 2, min: 1e-3, max: 1e3, log: true },
  { name: 'entries', group: 'entries', length: 8, min: -1, max: 1, log: false },
  { name: 'inert', group: 'entries', length: 3, min: -1, max: 1, log: false, frozen: true },
];

/** Maximal (0) at scales = 10 and entries = 0.3. */
const g = (x: readonly number[]) => -((Math.log10(x[0]!) - 1) ** 2) - (Math.log10(x[1]!) - 1) ** 2 - x.slice(2, 10).reduce((s, v) => s + (v - 0.3) ** 2, 0);

describe('nelderMeadClimber: block-coordinate Nelder-Mead in the unit box', () => {
  it('climbs a smooth function over log and linear boxes, within the boxes, never moving frozen coordinates', () => {
    const start = { discrete: 'd', x: [0.002, 500, ...new Array<number>(8).fill(-0.9), 0.5, 0.5, 0.5] };
    const climber = nelderMeadClimber(blocks, start, g(start.x));
    for (let i = 0; i < 3000 && !climber.stuck; i++) {
      const p = climber.propose();
      expect(p.x.slice(10)).toEqual([0.5, 0.5, 0.5]);
      expect(p.x.every((v, j) => (j < 2 ? v >= 1e-3 && v <= 1e3 : v >= -1 && v <= 1))).toBe(true);
      climber.report(g(p.x));
    }
    expect(climber.best.score).toBeGreaterThan(-1e-6);
    expect(climber.best.point.discrete).toBe('d');
  });

  it('is deterministic, retires after 12 unsolvable proposals, and is stuck at once with nothing to move', () => {
    const run = () => {
      const c = nelderMeadClimber(blocks, { discrete: 0, x: new Array<number>(13).fill(0.5) }, g(new Array<number>(13).fill(0.5)));
      for (let i = 0; i < 200; i++) c.report(g(c.propose().x));
      return c.best;
    };
    expect(run()).toEqual(run());
    const climber = nelderMeadClimber(blocks, { discrete: 0, x: new Array<number>(13).fill(0.5) }, 0);
    for (let i = 0; i < 12; i++) {
      expect(climber.stuck).toBe(false);
      climber.propose();
      climber.report(-Infinity, true);
    }
    expect(climber.stuck).toBe(true);
    expect(nelderMeadClimber([blocks[2]!], { discrete: 0, x: [0, 0, 0] }, 0).stuck).toBe(true);
  });
});
