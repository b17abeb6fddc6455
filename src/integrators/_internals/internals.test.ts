import { expect, test } from 'vitest';
import { errorNorm } from '../errorNorm.js';
import { RkWorkspace } from '../RkWorkspace.js';
import { tableaus } from '../tableaus/index.js';
import { GrowableFloat64 } from './GrowableFloat64.js';
import { nextUp } from './nextUp.js';

test('nextUp: the next double towards +Infinity, for positive, zero and negative x', () => {
  expect(nextUp(1)).toBe(1 + Number.EPSILON);
  expect(nextUp(0)).toBe(Number.MIN_VALUE);
  expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
  expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
  expect(nextUp(Number.MAX_VALUE - 2 ** 970)).toBe(Number.MAX_VALUE);
});

test('errorNorm: RMS of err / (atol + rtol max(|y|, |yNew|)); a zero error counts 0 even where the scale is 0', () => {
  const atol = Float64Array.of(0, 1e-3);
  // component 0: err 0 over scale 0 -> 0; component 1: 2e-3 / (1e-3 + 0.5 * 2) with max(|y|, |yNew|) = 2.
  expect(errorNorm(Float64Array.of(0, 2e-3), Float64Array.of(0, -2), Float64Array.of(0, 1), 0.5, atol)).toBeCloseTo(Math.sqrt((2e-3 / 1.001) ** 2 / 2), 15);
  expect(errorNorm(Float64Array.of(1e-9, 0), Float64Array.of(0, 0), Float64Array.of(0, 0), 0.5, atol)).toBe(Infinity);
});

test('GrowableFloat64 keeps everything appended, across growth by more than double', () => {
  const g = new GrowableFloat64(4);
  g.pushOne(1);
  g.push(Float64Array.from({ length: 100 }, (_, i) => i + 2));
  g.push([102, 103]);
  const { buffer, offset } = g.extend(3);
  buffer.set([104, 105, 106], offset);
  expect(Array.from(g.toArray())).toEqual(Array.from({ length: 106 }, (_, i) => i + 1));
});

test('RkWorkspace names a bad dimension', () => {
  expect(() => new RkWorkspace(tableaus.rk4, 0)).toThrow('n=0 must be an integer in [1, 2147483647]');
});
