import { expect, test } from 'vitest';
import { finiteVector } from './validators.js';

test('finiteVector copies a Float64Array and names its first non-finite entry, as it does for a plain array', () => {
  const v = Float64Array.of(1, -0, 2.5);
  const copy = finiteVector('w', v, 3);
  expect(copy).toEqual(v);
  expect(Object.is(copy[1], -0)).toBe(true);
  expect(copy).not.toBe(v); // a copy: the caller's array is never aliased
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    const entries = [1, bad, 2, bad];
    expect(() => finiteVector('w', Float64Array.from(entries))).toThrow(`w[1]=${bad} must be a finite number`);
    expect(() => finiteVector('w', entries)).toThrow(`w[1]=${bad} must be a finite number`);
  }
  // sanity mutant: a finite vector passes
  expect(() => finiteVector('w', Float64Array.of(1, 2))).not.toThrow();
  expect(() => finiteVector('w', new Float64Array(2), 3)).toThrow('must be an array of length 3');
});
