import { describe, expect, it } from 'vitest';
import { exactDecimal } from './exactDecimal.js';
import { PreciseScalarFlow } from './PreciseScalarFlow.js';
import { TaylorQuadraticFlow } from './taylorQuadraticFlow.js';

describe('TaylorQuadraticFlow: the decimal Taylor reference of a quadratic flow', () => {
  it('matches the closed form of the scalar model to 25 digits, for both flows', () => {
    // h(d) = h0 + g d + q d^2/2 is the scalar model a w + b w^2/2 (a = g, b = q, w0 = 0) with target y* - alpha h0.
    const [h0, g, q, y, alpha, T] = [0.31, 0.44, -1.3, 2.5, 1.7, 3.1];
    const ex = exactDecimal;
    const flow = new TaylorQuadraticFlow({ n: 1, p: 1, h0: [ex(h0)], G: [ex(g)], Q: [ex(q)], yStar: [ex(y)], alpha: ex(alpha) }, ex(T));
    const D = flow.Decimal;
    const target = new D(ex(y)).minus(new D(ex(alpha)).times(ex(h0)));
    const closed = new PreciseScalarFlow({ a: ex(g), b: ex(q), w0: 0, yStar: target, alpha: ex(alpha) }, { digits: 40 });
    for (const t of [0.5, 3.1]) {
      const s = flow.at(ex(t));
      const c = closed.at(ex(t));
      expect(s.r[0]!.minus(c.r).abs().toNumber()).toBeLessThan(1e-25);
      expect(s.rbar[0]!.minus(c.rbar).abs().toNumber()).toBeLessThan(1e-25);
      expect(s.d[0]!.minus(c.w).abs().toNumber()).toBeLessThan(1e-25);
      expect(s.dbar[0]!.minus(c.wbar).abs().toNumber()).toBeLessThan(1e-25);
    }
    expect(flow.steps).toBeGreaterThan(1);
  });

  it('a 20-digit solve agrees with the 30-digit one to ~20 digits (the companion whose distance is the error bound)', () => {
    const n = 2;
    const p = 3;
    const Q = new Array<number>(n * p * p).fill(0);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < p; i++)
        for (let j = 0; j <= i; j++) {
          const v = Math.cos(k + 3 * i + 7 * j);
          Q[(k * p + i) * p + j] = v;
          Q[(k * p + j) * p + i] = v;
        }
    }
    const params = { n, p, h0: [0.1, -0.2], G: [0.3, -0.5, 0.2, 0.1, 0.4, -0.3], Q, yStar: [1, -1], alpha: 0.8 };
    const hi = new TaylorQuadraticFlow(params, 0.5, { digits: 30 }).at(0.5);
    const lo = new TaylorQuadraticFlow(params, 0.5, { digits: 20 }).at(0.5);
    for (let k = 0; k < n; k++) {
      const gap = hi.r[k]!.minus(lo.r[k]!).abs().toNumber();
      expect(gap).toBeLessThan(1e-18);
      expect(gap).toBeGreaterThan(0);
    }
  });

  it('stays put at a fixed point, and refuses an exhausted step budget', () => {
    const still = new TaylorQuadraticFlow({ n: 1, p: 1, h0: [1], G: [1], Q: [0], yStar: [1], alpha: 1 }, 5);
    expect(still.at(5).r[0]!.isZero()).toBe(true);
    expect(() => new TaylorQuadraticFlow({ n: 1, p: 1, h0: [0], G: [30], Q: [1], yStar: [1], alpha: 1 }, 100, { maxSteps: 3 })).toThrow(/step-budget/);
  });
});
