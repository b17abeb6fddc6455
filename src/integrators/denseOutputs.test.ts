/** The dense-output contracts: DenseSolution hands out copies and checks its arguments; PiecewiseDense dispatches by time. */
import { describe, expect, test } from 'vitest';
import type { DenseOutput } from './DenseOutput.js';
import { integrateAdaptive } from './integrateAdaptive.js';
import { PiecewiseDense } from './PiecewiseDense.js';
import { tableaus } from './tableaus/index.js';

describe('DenseSolution', () => {
  const { dense } = integrateAdaptive(
    tableaus.dopri5,
    (_t, y, dy) => {
      dy[0] = -y[0]!;
    },
    0,
    [1],
    2,
    { rtol: 1e-8, atol: 1e-10, dense: true },
  );
  const solution = dense!;

  test('ts is a copy: changing it changes nothing', () => {
    const ts = solution.ts;
    const last = ts[ts.length - 1];
    ts.fill(-1);
    expect(solution.ts[solution.ts.length - 1]).toBe(last);
  });

  test('bad t or out are named', () => {
    expect(() => solution.evaluate(Number.NaN)).toThrow('t=NaN must be a finite number');
    expect(() => solution.evaluate(2.5)).toThrow('t=2.5 must be in [0, 2]');
    expect(() => solution.evaluate(1, new Float64Array(2))).toThrow('must be a Float64Array of length 1');
  });
});

/** A dense output that answers a constant and records the times it was asked for. */
function piece(tMin: number, tMax: number, value: number, n = 1): DenseOutput & { asked: number[] } {
  const asked: number[] = [];
  return {
    n,
    tMin,
    tMax,
    steps: 1,
    asked,
    get ts() {
      return Float64Array.of(tMin, (tMin + tMax) / 2, tMax);
    },
    evaluate(t: number, out = new Float64Array(n)) {
      asked.push(t);
      return out.fill(value);
    },
  };
}

describe('PiecewiseDense', () => {
  test('each time goes to the piece that covers it; a shared end to the later piece', () => {
    const [a, b, c] = [piece(0, 1, 10), piece(1, 2, 20), piece(2, 5, 30)];
    const joined = new PiecewiseDense([a, b, c]);
    expect([0, 0.5, 1, 1.5, 2, 5].map((t) => joined.evaluate(t)[0])).toEqual([10, 10, 20, 20, 30, 30]);
    expect([a.asked, b.asked, c.asked]).toEqual([
      [0, 0.5],
      [1, 1.5],
      [2, 5],
    ]);
    expect(Array.from(joined.ts)).toEqual([0, 0.5, 1, 1.5, 2, 3.5, 5]);
    expect([joined.n, joined.tMin, joined.tMax, joined.steps]).toEqual([1, 0, 5, 3]);
    const out = new Float64Array(1);
    expect(joined.evaluate(1.5, out)).toBe(out);
  });

  test('times outside [tMin, tMax] are rejected without asking any piece', () => {
    const [a, b] = [piece(1, 2, 10), piece(2, 3, 20)];
    const joined = new PiecewiseDense([a, b]);
    expect(() => joined.evaluate(0.5)).toThrow('t=0.5 must be in [1, 3]');
    expect(() => joined.evaluate(3.5)).toThrow('t=3.5 must be in [1, 3]');
    expect(() => joined.evaluate(Number.NaN)).toThrow('t=NaN must be a finite number');
    expect([a.asked, b.asked]).toEqual([[], []]);
  });

  test('the pieces must exist, share n and be contiguous', () => {
    expect(() => new PiecewiseDense([])).toThrow('pieces=array(length 0) must be at least one dense output');
    expect(() => new PiecewiseDense([piece(0, 1, 1), piece(1, 2, 1, 2)])).toThrow('pieces[1].n=2 must be equal to 1');
    expect(() => new PiecewiseDense([piece(0, 1, 1), piece(1, 2, 1), piece(2.5, 3, 1)])).toThrow('pieces[2].tMin=2.5 must be equal to pieces[1].tMax=2');
    expect(new PiecewiseDense([piece(0, 1, 7)]).evaluate(1)[0]).toBe(7);
  });
});
