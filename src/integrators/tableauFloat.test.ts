import { expect, test } from 'vitest';
import { tableauFloat } from './tableauFloat.js';
import { tableaus } from './tableaus/index.js';

test('converts each coefficient to the nearest double and caches per tableau', () => {
  const f = tableauFloat(tableaus.dopri5);
  expect(tableauFloat(tableaus.dopri5)).toBe(f);
  expect(f.stages).toBe(7);
  expect(Array.from(f.c)).toEqual([0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1]);
  expect(f.A[4]?.[1]).toBe(-25360 / 2187);
  expect(f.P?.[4]?.[3]).toBe(701980252875 / 199316789632);
  expect(f.denseDegree).toBe(4);
  expect(f.fsal).toBe(true);
  expect(f.errorOrder).toBe(4);
});

test('error weights b - bHat are subtracted exactly before rounding (scipy RK45.E up to sign)', () => {
  const e = tableauFloat(tableaus.dopri5).e;
  expect(Array.from(e ?? [])).toEqual([71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40]);
  expect(tableauFloat(tableaus.rk4).e).toBeUndefined();
  expect(tableauFloat(tableaus.rk4).P).toBeUndefined();
});
