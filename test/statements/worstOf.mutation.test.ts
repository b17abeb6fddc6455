import { expect, test } from 'vitest';
import { worstOf } from '../../src/statements/worstOf.js';

test('a bound whose tightness is NaN or -Infinity is still reported when nothing is worse (never replaced by 0 <= 0)', () => {
  const nan = { lhs: Number.NaN, rhs: 1 };
  expect(worstOf('<=', [nan])).toBe(nan);
  const minusInfinity = { lhs: Number.NEGATIVE_INFINITY, rhs: 1 };
  expect(worstOf('<=', [minusInfinity])).toBe(minusInfinity);
});

test('a NaN bound after others is returned, not skipped (its ratio compares false with everything)', () => {
  const nan = { lhs: Number.NaN, rhs: 1 };
  const big = { lhs: 5, rhs: 1 };
  expect(worstOf('<=', [{ lhs: 0.5, rhs: 1 }, nan, big])).toBe(nan);
  expect(worstOf('<=', [big, nan])).toBe(nan);
});
