import { describe, expect, it } from 'vitest';
import { judge, recheck } from '../../check/judge.js';
import { quadraticModel } from '../../models/quadratic.js';
import { NtkSolveError } from '../../errors/NtkSolveError.js';
import type { Instance } from '../../flow/Instance.js';
import { gd1 } from './gdConjectures.js';
import { gdCaseOf } from './GdCase.js';
import { gradientDescent } from './gradientDescent.js';
import { preciseDescent } from './preciseDescent.js';

/** h(w) = w + (q/2) w^2 (n = p = 1, w0 = 0), y* = -sqrt(2), alpha = 1: the shape of GD-1's shrunk counterexample. */
function scalarQuadratic(q: number): Instance {
  return { model: quadraticModel({ h0: [0], G: [[1]], Q: [[[q]]], w0: [0] }), yStar: Float64Array.of(-Math.SQRT2), alpha: 1, T: 1 };
}

describe('gradient descent against linearized gradient descent', () => {
  it('follows the recursion by hand: two steps of eta = 1/2', () => {
    const q = 3.853585691441035;
    const { r, rbar } = gradientDescent(scalarQuadratic(q), 0.5, 2);
    // w1 = eta r0 = -sqrt(2)/2; r1 = y* - h(w1); w2 = w1 + eta h'(w1) r1; rbar_2 = (1 - eta)^2 r0
    const h = (w: number) => w + 0.5 * q * w * w;
    const w1 = -Math.SQRT2 / 2;
    const r1 = -Math.SQRT2 - h(w1);
    const w2 = w1 + 0.5 * (1 + q * w1) * r1;
    expect(r[0]).toBeCloseTo(-Math.SQRT2 - h(w2), 14);
    expect(rbar[0]).toBeCloseTo(-Math.SQRT2 / 4, 15);
  });

  it('agrees with the decimal evaluation, whose own error estimate is tiny', () => {
    const inst = scalarQuadratic(1.7);
    const { r, rbar } = gradientDescent(inst, 0.3, 7);
    const precise = preciseDescent(inst, 0.3, 7);
    expect(Math.abs(precise.E - Math.abs((r[0] as number) - (rbar[0] as number)))).toBeLessThan(1e-13);
    expect(precise.error).toBeLessThan(1e-14);
  });

  it('reports divergence as a solve failure, never as a number', () => {
    expect(() => gradientDescent(scalarQuadratic(1), 3, 200)).toThrow(NtkSolveError);
  });

  it('GD-1 is violated by the shrunk case, certified by the decimal reference', () => {
    const c = gdCaseOf({ instance: scalarQuadratic(3.853585691441035), family: 'quadratic', direction: 'random' }, 0.5);
    expect(c.steps).toBe(2);
    const outcome = judge('<=', gd1.readings[0]!, gd1.measure(c));
    expect(outcome.status).toBe('violation');
    if (outcome.status === 'violation') {
      expect(outcome.certified).toBe(true);
      expect(outcome.ratio).toBeGreaterThan(1.0009);
    }
    // As a final counterexample is re-judged: by the decimal descent, whose margin beats its error bound.
    const final = recheck('<=', gd1.readings[0]!, gd1.measure(c), 'final');
    expect(final.verdict).toBe('violation');
    expect(final.decidedBy.method).toBe('decimal-descent');
    expect(final.ratio).toBeGreaterThan(1.0009);
  });
});
