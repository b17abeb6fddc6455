import { describe, expect, it } from 'vitest';
import { expmTaylor } from '../linalg/expmTaylor.js';
import { gram } from '../linalg/dense.js';
import { decimalContext } from './decimalContext.js';
import { decimalGramExpm } from './decimalExpm.js';

describe('decimalGramExpm: exp(-t X X^T) in decimal.js', () => {
  it('is exp(-x^2 t) to 30 digits for a 1 x 1 matrix, across the scaling and squaring', () => {
    const D = decimalContext(50);
    for (const [x, t] of [
      [0.3, 0.5],
      [2, 7.25],
      [10, 30],
    ] as const) {
      const e = decimalGramExpm([x], 1, 1, t)[0]!;
      const exact = new D(x).times(x).times(t).neg().exp();
      expect(e.minus(exact).abs().div(exact).toNumber()).toBeLessThan(1e-29);
    }
  });

  it('agrees with the float Taylor route on a 2 x 3 Gram matrix, and its 20-digit companion to ~20 digits', () => {
    const X = [0.5, -1, 0.25, 2, 0.75, -0.5];
    const hi = decimalGramExpm(X, 2, 3, 1.3);
    const lo = decimalGramExpm(X, 2, 3, 1.3, 20);
    const float = expmTaylor(gram(Float64Array.from(X), 2, 3), 2, 1.3);
    hi.forEach((v, i) => {
      expect(Math.abs(v.toNumber() - float[i]!)).toBeLessThan(1e-14);
      expect(v.minus(lo[i]!).abs().toNumber()).toBeLessThan(1e-18);
    });
  });
});
