import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { decimalContext } from '../decimalContext.js';
import { expPair } from './expPair.js';

const H = Decimal.clone({ precision: 200 });

test('expm1(-z) is within a few ulps for small z (no 1 - e^(-z) cancellation); e^(-z) too', () => {
  const D = decimalContext(30);
  for (const z of ['1.2345678901234567e-20', '3.3e-9', '0.4999']) {
    const { exp, expm1 } = expPair(D, new D(z));
    const exact = H.exp(new H(z).neg());
    const expm1Exact = exact.minus(1);
    expect(expm1.minus(expm1Exact).abs().lte(expm1Exact.abs().times('1e-28'))).toBe(true); // a few ulps at 30 digits
    expect(exp.minus(exact).abs().lte(exact.times('1e-29'))).toBe(true);
  }
});
