import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { logUniform } from '../../arbitraries/logUniform.js';
import { scalarModel } from '../models/scalar.js';
import { decimalToNumber } from '../precise/decimalToNumber.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import { gradientFlow } from './gradientFlow.js';
import { linearizedFlow } from './linearizedFlow.js';

/** General scalar instances h(w) = a w + b w^2/2 (any signs), with moderate dimensionless horizon and curvature. */
const signed = (min: number, max: number) =>
  fc.oneof(
    fc.constant(0),
    fc.tuple(fc.constantFrom(-1, 1), logUniform(min, max)).map(([s, x]) => s * x),
  );
const scalarCase = fc.record({
  a: signed(1e-3, 2),
  b: signed(1e-3, 2),
  w0: signed(1e-3, 1),
  yStar: signed(1e-3, 3),
  alpha: logUniform(0.1, 10),
  T: logUniform(1e-3, 5),
});

describe('double-precision gradientFlow against the decimal.js closed form (general scalar model)', () => {
  test.prop([scalarCase], { numRuns: 60 })('|E_float - E_exact| <= the error estimate (rtol 1e-7) + rounding', (c) => {
    const model = scalarModel({ a: c.a, b: c.b, w0: c.w0 });
    const instance = { model, yStar: Float64Array.of(c.yStar), alpha: c.alpha, T: c.T };
    const flow = gradientFlow(instance, { rtol: 1e-7 });
    const rbar = linearizedFlow(instance).residual(c.T);
    const E = Math.abs((flow.rT[0] as number) - (rbar[0] as number));
    const exact = decimalToNumber(new PreciseScalarFlow({ a: c.a, b: c.b, w0: c.w0, yStar: c.yStar, alpha: c.alpha }, { digits: 30 }).E(c.T));
    const r0 = Math.abs(c.yStar - c.alpha * (c.a * c.w0 + (c.b * c.w0 ** 2) / 2));
    expect(Math.abs(E - exact)).toBeLessThanOrEqual(flow.errorEstimate + 64 * Number.EPSILON * (r0 + 1));
  });
});
