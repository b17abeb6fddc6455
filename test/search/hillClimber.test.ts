import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random/rng.js';
import { hillClimber } from '../../src/search/hillClimber.js';
import type { ParamBlock } from '../../arbitraries/SearchSpace.js';

const blocks: ParamBlock[] = [
  { name: 'scale', group: 'scales', length: 2, min: 1e-3, max: 1e3, log: true },
  { name: 'entries', group: 'entries', length: 20, min: -1, max: 1, log: false },
  { name: 'inert', group: 'entries', length: 3, min: -1, max: 1, log: false, frozen: true },
];

/** Maximal (0) at scales = 10 and entries = 0.3; the inert coordinates must not move. */
const f = (x: readonly number[]) => -((Math.log10(x[0]!) - 1) ** 2) - (Math.log10(x[1]!) - 1) ** 2 - x.slice(2, 22).reduce((s, v) => s + (v - 0.3) ** 2, 0);

describe('hillClimber: block-wise (1+1)-ES with the one-fifth success rule', () => {
  it('climbs a smooth function over log and linear boxes, never moving frozen coordinates', () => {
    const start = { discrete: 'd', x: [0.002, 500, ...new Array<number>(20).fill(-0.9), 0.5, 0.5, 0.5] };
    const climber = hillClimber(blocks, start, f(start.x), createRng(1));
    for (let i = 0; i < 1500 && !climber.stuck; i++) {
      const p = climber.propose();
      expect(p.x.slice(22)).toEqual([0.5, 0.5, 0.5]);
      expect(p.x.every((v, j) => (j < 2 ? v >= 1e-3 && v <= 1e3 : v >= -1 && v <= 1))).toBe(true);
      climber.report(f(p.x));
    }
    expect(climber.best.score).toBeGreaterThan(-1e-3);
    expect(climber.best.point.discrete).toBe('d');
  });

  it('retires after three unsolvable proposals (cliffs), and is stuck at once with nothing to move', () => {
    const climber = hillClimber(blocks, { discrete: 0, x: new Array<number>(25).fill(0.5) }, 0, createRng(2));
    for (let i = 0; i < 3; i++) {
      expect(climber.stuck).toBe(false);
      climber.propose();
      climber.report(-Infinity, true);
    }
    expect(climber.stuck).toBe(true);
    expect(hillClimber([blocks[2]!], { discrete: 0, x: [0, 0, 0] }, 0, createRng(3)).stuck).toBe(true);
  });
});
