import { describe, expect, test } from 'vitest';
import { integrateOverMesh, quadraturePanels } from '../../src/statements/gaussLegendre.js';

describe('integrateOverMesh: composite 3-point Gauss-Legendre', () => {
  test('exact for polynomials of degree <= 5 on any mesh (scalar integrand into acc[0])', () => {
    const p = (t: number) => 1 - 2 * t + 3 * t ** 2 - t ** 3 + 0.5 * t ** 4 + 6 * t ** 5;
    const P = (t: number) => t - t ** 2 + t ** 3 - t ** 4 / 4 + t ** 5 / 10 + t ** 6; // antiderivative
    const acc = new Float64Array(1);
    integrateOverMesh(Float64Array.of(-1, 0.25, 2), p, acc);
    expect(acc[0]).toBeCloseTo(P(2) - P(-1), 11);
  });

  test('adds into acc (vector integrands componentwise), one rule per interval per panel', () => {
    const acc = Float64Array.of(10, 20);
    let calls = 0;
    integrateOverMesh(
      Float64Array.of(0, 1, 3),
      (t) => {
        calls++;
        return Float64Array.of(1, t);
      },
      acc,
      2,
    );
    expect(calls).toBe(2 * 2 * 3);
    expect(acc[0]).toBeCloseTo(13, 14);
    expect(acc[1]).toBeCloseTo(24.5, 14);
  });

  test('panels refine: a degree-6 term is integrated with an error shrinking like panels^-6', () => {
    const err = (panels: number) => {
      const acc = new Float64Array(1);
      integrateOverMesh(Float64Array.of(0, 1), (t) => t ** 6, acc, panels);
      return Math.abs((acc[0] as number) - 1 / 7);
    };
    expect(err(1)).toBeGreaterThan(1e-4);
    expect(err(4) / err(1)).toBeCloseTo(4 ** -6, 6);
  });

  test('one panel on the primary measurement, four on the tight one (the run that is its own reference)', () => {
    const run = {};
    expect([quadraturePanels(run, run), quadraturePanels(run, {})]).toEqual([4, 1]);
  });
});
