import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { agreeingDigits } from './agreeingDigits.js';
import { taylorScalarFlow } from './taylorScalarFlow.js';

const H = Decimal.clone({ precision: 120 });

/** log10(n!) as a float. */
const log10Factorial = (n: number): number => {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log10(k);
  return s;
};

describe('taylorScalarFlow: the order and the first step follow the documented rule', () => {
  // h(w) = w, alpha = 1, y* = 1, w0 = 0: dw/dt = 1 - w, w(t) = 1 - e^(-t). At w0 = 0 the Taylor coefficients are
  // w_0 = 0 and w_j = (-1)^(j-1) / j!, so |w_0 / w_j| = 0 drops out and the radius is
  // rho = min_{j = N-1, N} (|w_1| / |w_j|)^(1/(j-1)) = min_j (j!)^(1/(j-1)), the first step h = rho / e^2.
  const params = { a: 1, b: 0, w0: 0, yStar: 1, alpha: 1 };
  const order = 73; // ceil(ln(10^62) / 2) + 1 at the default 60 digits
  const firstStep = 10 ** Math.min(log10Factorial(order - 1) / (order - 2), log10Factorial(order) / (order - 1)) / Math.E ** 2;

  test('60 digits: order N = ceil(ln(10^(digits + 2)) / 2) + 1 = 73; 20 digits: 27', () => {
    expect(taylorScalarFlow(params, 0.5).order).toBe(order);
    expect(taylorScalarFlow(params, 0.5, { digits: 20 }).order).toBe(Math.ceil((22 * Math.LN10) / 2) + 1);
    expect(taylorScalarFlow(params, 0.5, { digits: 20 }).order).toBe(27);
  });

  test('a horizon just inside the first step takes one step, just beyond it two; both accurate to the target', () => {
    expect(firstStep).toBeCloseTo(3.919, 3);
    for (const [T, steps] of [
      [firstStep * (1 - 1e-3), 1],
      [firstStep * (1 + 1e-3), 2],
    ] as const) {
      const run = taylorScalarFlow(params, T);
      expect(run.steps).toBe(steps);
      const exact = new H(1).minus(H.exp(new H(T).neg()));
      expect(agreeingDigits(run.w, exact)).toBeGreaterThanOrEqual(58);
      expect(agreeingDigits(run.v, exact)).toBeGreaterThanOrEqual(58);
    }
  });
});
