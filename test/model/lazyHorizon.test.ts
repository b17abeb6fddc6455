import { describe, expect, it } from 'vitest';
import { lazyHorizon } from '../../src/model/lazyHorizon.js';
import { scalarModel } from '../../src/models/scalar.js';
import { exactDecimal } from '../../src/precise/exactDecimal.js';
import { PreciseScalarFlow } from '../../src/precise/PreciseScalarFlow.js';

describe('lazyHorizon: the measured E(t) curve', () => {
  it('resolves E(t) from 1e-4 of the curve on (the gap solve) and its uncertainty covers the 30-digit closed form', () => {
    // alpha h(w0) = 276, r(0) = 1: E(t) grows from 3e-12 to 9e-5 over the curve (measured: within 2e-8 relative of
    // the closed form, and within its stated uncertainty, at most 4.3e-7 relative, at every time).
    const params = { a: 1.3, b: 0.8, w0: 0.2 };
    const instance = { model: scalarModel(params), yStar: Float64Array.of(277), alpha: 1000, T: 0 };
    const horizon = lazyHorizon(instance, 1, 1e-5); // T* = 0.0042, the curve on [4.2e-5, 0.42]
    const exact = new PreciseScalarFlow(
      { a: exactDecimal(params.a), b: exactDecimal(params.b), w0: exactDecimal(params.w0), yStar: exactDecimal(277), alpha: exactDecimal(1000) },
      { digits: 30 },
    );
    expect(horizon.curve.length).toBeGreaterThan(40);
    expect(horizon.curve[0]!.E).toBeLessThan(1e-11); // 1e-14 of the residual's operands (size 277)
    for (const pt of horizon.curve) {
      const E = exact.E(exactDecimal(pt.t)).toNumber();
      expect(pt.resolved).toBe(true);
      expect(Math.abs(pt.E - E)).toBeLessThanOrEqual(pt.uncertainty);
      expect(pt.uncertainty).toBeLessThan(1e-6 * E);
    }
  });
});
