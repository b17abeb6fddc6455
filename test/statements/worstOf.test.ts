import { expect, test } from 'vitest';
import { kappaOrSaturation } from '../../src/statements/kappaOrSaturation.js';
import { minBranch, worstOf } from '../../src/statements/worstOf.js';

test('worstOf: the bound with the largest tightness ratio (lhs / rhs for <=, rhs / lhs for >=); the first of equals', () => {
  const a = { lhs: 1, rhs: 4, branch: 'a' };
  const b = { lhs: 3, rhs: 4, branch: 'b' };
  const c = { lhs: 6, rhs: 8, branch: 'c' }; // same ratio as b
  expect(worstOf('<=', [a, b, c])).toBe(b);
  expect(worstOf('>=', [a, b, c])).toBe(a);
  expect(worstOf('<=', [{ lhs: 0, rhs: 0 }, a])).toBe(a); // 0 / 0 is no tightness
  expect(worstOf('<=', [a, { lhs: 1, rhs: 0, branch: 'violated' }]).branch).toBe('violated');
  expect(worstOf('<=', [])).toEqual({ lhs: 0, rhs: 0 });
  expect(worstOf('<=', [{ lhs: -2, rhs: 1 }])).toEqual({ lhs: -2, rhs: 1 }); // a lone bound, whatever its ratio
});

test('minBranch names the active argument (the first on a tie)', () => {
  expect(minBranch(1, 2, ['x', 'y'])).toEqual({ value: 1, branch: 'x' });
  expect(minBranch(3, 2, ['x', 'y'])).toEqual({ value: 2, branch: 'y' });
  expect(minBranch(2, 2, ['x', 'y'])).toEqual({ value: 2, branch: 'x' });
});

test('kappaOrSaturation: lhs against min(c kappa^power sqrt(R0), saturation(R0))', () => {
  expect(kappaOrSaturation(0.5, { kappa: 0.5, R0: 4 }, 3, 2, (R0) => R0, 9)).toEqual({ lhs: 0.5, rhs: 1.5, branch: 'kappa', scale: 9 });
  expect(kappaOrSaturation(0.5, { kappa: 2, R0: 4 }, 3, 1, (R0) => R0, 9)).toEqual({ lhs: 0.5, rhs: 4, branch: 'saturated', scale: 9 });
});
