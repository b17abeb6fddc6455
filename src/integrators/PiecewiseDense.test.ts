import { expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { integrateAdaptive } from './integrateAdaptive.js';
import { PiecewiseDense } from './PiecewiseDense.js';
import { tableaus } from './tableaus/index.js';

const decay = (_t: number, y: Float64Array, dy: Float64Array) => {
  dy[0] = -(y[0] as number);
};

test('joins contiguous dense outputs: evaluation dispatches by time (the later piece at a shared end), mesh is the union', () => {
  const first = integrateAdaptive(tableaus.dopri5, decay, 0, [1], 1, { rtol: 1e-10, atol: 1e-12, dense: true });
  const second = integrateAdaptive(tableaus.dopri5, decay, 1, first.y, 3, { rtol: 1e-10, atol: 1e-12, dense: true });
  const joined = new PiecewiseDense([first.dense!, second.dense!]);
  expect([joined.tMin, joined.tMax, joined.steps]).toEqual([0, 3, first.steps + second.steps]);
  for (const t of [0, 0.3, 1, 1.7, 3]) expect(joined.evaluate(t)[0]).toBeCloseTo(Math.exp(-t), 9);
  const ts = joined.ts;
  expect(ts.length).toBe(first.dense!.ts.length + second.dense!.ts.length - 1);
  expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
  expect(() => joined.evaluate(3.5)).toThrow(NtkInputError);
  expect(() => new PiecewiseDense([second.dense!, first.dense!])).toThrow(NtkInputError);
  expect(() => new PiecewiseDense([])).toThrow(NtkInputError);
});
