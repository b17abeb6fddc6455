import { expect, test } from 'vitest';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import { relativeCommutator } from '../../src/statements/matrixStatement.js';

/** 1 x 1 matrices: ||exp(-(A+B)^2 t) - exp(-A^2 t)|| = |e^(-(a+b)^2 t) - e^(-a^2 t)|. */
test('measured by eigendecomposition (primary) and by the Taylor series (tight); labels; describe/revive', () => {
  const c = lemma33.revive({ n: 1, p: 1, At: [2], Bt: [-0.5], t: 0.3, mode: 'aligned' });
  const gap = Math.abs(Math.exp(-(1.5 ** 2) * 0.3) - Math.exp(-4 * 0.3));
  const m = lemma33.measure(c);
  for (const side of [m.primary, m.tight]) {
    expect(side.gap).toBeCloseTo(gap, 14);
    expect([side.normB, side.normA, side.t]).toEqual([0.5, 2, 0.3]);
  }
  expect(m.tightAccuracy).toBe(1e-12);
  expect(lemma33.relation).toBe('<=');
  expect(lemma33.applies(c)).toBe(true);
  expect(lemma33.labels(c, m.tight)).toEqual({ mode: 'aligned', time: 't|A|^2>=1', commutator: 'commuting' }); // 0.3 * 4 = 1.2
  expect(lemma33.labels(c, { ...m.tight, t: 0.2 })).toEqual({ mode: 'aligned', time: 't|A|^2<1', commutator: 'commuting' });
  expect(lemma33.labels(c, { ...m.tight, t: 0.25 }).time).toBe('t|A|^2>=1'); // 0.25 * 4 = 1 exactly
  expect(lemma33.describe(c)).toEqual({ n: 1, p: 1, At: [2], Bt: [-0.5], t: 0.3, mode: 'aligned' });
  expect(lemma33.requiredCoverage).toEqual({ mode: ['random', 'aligned', 'cancel'], time: ['t|A|^2<1', 't|A|^2>=1'] });
  expect(lemma33.search).toBeDefined();
});

test('a 2 x 3 case: the gap of the n x n exponentials, ||B|| and ||A|| as operator norms', () => {
  // A^T = [[1, 0, 0], [0, 2, 0]] (n = 2, p = 3), B^T = 0: no gap; A^T A = diag(1, 4).
  const c = lemma33.revive({ n: 2, p: 3, At: [1, 0, 0, 0, 2, 0], Bt: [0, 0, 0, 0, 0, 0.5], t: 1, mode: 'random' });
  const m = lemma33.measure(c);
  expect(m.tight.normA).toBeCloseTo(2, 14);
  expect(m.tight.normB).toBeCloseTo(0.5, 14);
  // (A+B)^T (A+B) as n x n = [[1, 0], [0, 4.25]]: gap = |e^(-4.25) - e^(-4)|.
  expect(m.tight.gap).toBeCloseTo(Math.exp(-4) - Math.exp(-4.25), 14);
  expect(m.primary.gap).toBeCloseTo(m.tight.gap, 13);
});

test('revive validates each field by name', () => {
  const ok = { n: 1, p: 1, At: [1], Bt: [1], t: 1, mode: 'random' };
  expect(() => lemma33.revive(null)).toThrow('case=null must be an object');
  expect(() => lemma33.revive({ ...ok, n: 0 })).toThrow('case.n=0 must be an integer in [1, 1024]');
  expect(() => lemma33.revive({ ...ok, p: 1025 })).toThrow('case.p=1025 must be an integer in [1, 1024]');
  expect(() => lemma33.revive({ ...ok, At: [1, 2] })).toThrow('case.At');
  expect(() => lemma33.revive({ ...ok, Bt: [Number.NaN] })).toThrow('case.Bt');
  expect(() => lemma33.revive({ ...ok, t: -1 })).toThrow('case.t=-1 must be a finite number >= 0');
  expect(lemma33.revive({ ...ok, mode: 7 }).mode).toBe('7');
});

test('relativeCommutator: 0 for commuting exponents, the normalized [S0, S1] otherwise, scale-free in ||B||', () => {
  const aligned = lemma33.revive({ n: 2, p: 2, At: [1, 0, 0, 2], Bt: [0.5, 0, 0, 1], t: 1, mode: 'aligned' });
  expect(relativeCommutator(aligned)).toBe(0);
  // A^T = [[1, 0], [0, 0]]: S0 = e1 e1^T. B^T along row 1 keeps S1 diagonal (commuting); along row 2 it mixes.
  const sameRow = lemma33.revive({ n: 2, p: 2, At: [1, 0, 0, 0], Bt: [0, 0.1, 0, 0], t: 1, mode: 'random' });
  const mixed = (eps: number) => lemma33.revive({ n: 2, p: 2, At: [1, 0, 0, 0], Bt: [0, 0, eps, 0], t: 1, mode: 'random' });
  expect(relativeCommutator(sameRow)).toBe(0);
  expect(relativeCommutator(mixed(1e-6))).toBeGreaterThan(0.1); // normalized by ||S1 - S0||, not O(||B||)
  expect(relativeCommutator(mixed(0.5))).toBeGreaterThan(0.1);
  expect(relativeCommutator(mixed(0.5))).toBeLessThanOrEqual(2);
});
