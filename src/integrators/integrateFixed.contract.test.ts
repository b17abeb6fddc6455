import { expect, test } from 'vitest';
import { integrateFixed } from './integrateFixed.js';
import type { Rhs } from './Rhs.js';
import { tableaus } from './tableaus/index.js';

test('steps of (t1 - t0) / steps from any t0, the last landing exactly on t1', () => {
  // 0.2 + 3 ((0.9 - 0.2) / 3) is 0.8999999999999999 in floating point: the last step must still end at 0.9.
  const times: number[] = [];
  const f: Rhs = (t, u, du) => {
    times.push(t);
    du[0] = -u[0]!;
  };
  const { y } = integrateFixed(tableaus.rk4, f, 0.2, [1], 0.9, 3);
  expect(Math.max(...times)).toBe(0.9);
  expect(y[0]).toBeCloseTo(Math.exp(-0.7), 4);
  const late = integrateFixed(
    tableaus.rk4,
    (_t, u, du) => {
      du[0] = -u[0]!;
    },
    5,
    [1],
    6,
    50,
  ).y[0]!;
  expect(late).toBeCloseTo(Math.exp(-1), 9);
});

test('arguments are named', () => {
  const f: Rhs = (_t, y, dy) => {
    dy[0] = -y[0]!;
  };
  expect(() => integrateFixed(tableaus.rk4, f, 0, [1], Number.NaN, 3)).toThrow('t1=NaN must be a finite number');
  expect(() => integrateFixed(tableaus.rk4, f, 2, [1], 1, 3)).toThrow('t1=1 must be >= t0=2');
});
