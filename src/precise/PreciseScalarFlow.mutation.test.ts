import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { PreciseScalarFlow } from './PreciseScalarFlow.js';

const H = Decimal.clone({ precision: 300 });

describe('PreciseScalarFlow: hard cases of the linearized flow', () => {
  test("a tiny decay p0 t = 1e-30: wbar = w0 + h'(w0) r0 (1 - e^(-p0 t)) / (p0 alpha) keeps all 50 digits", () => {
    // 1 - e^(-z) at z ~ 1e-30 cancels 30 digits when formed as 1 - exp; the reference works at 300 digits.
    const a = '1.2345678901234567e-15';
    const z = new H(a).pow(2).times('0.7');
    const reference = new H(a).times(new H(1).minus(H.exp(z.neg()))).div(new H(a).pow(2));
    const state = new PreciseScalarFlow({ a, b: 0, w0: 0, yStar: 1, alpha: 1 }).at('0.7');
    expect(state.wbar.toString()).toBe(reference.toSignificantDigits(50).toString());
    expect(state.wbar.toString()).toBe('8.6419752308641968999999999999953898928877335394544e-16');
  });

  test("wbar = w0 + dwbar cancelling 60 digits (curved model, b = 1): correctly rounded, and the same as for the model's tangent", () => {
    // a = b = w0 = alpha = t = 1: h'(w0) = 2, p0 = 4, v0 = 1.5. r0 = -w0 alpha / (h'(w0) phi0), phi0 = (1 - e^(-4)) / 4, rounded to
    // 60 digits, makes wbar = 1 + 2 r0 phi0 ~ 1e-60.
    const phi0 = new H(1).minus(H.exp(-4)).div(4);
    const r0 = new H(-1).div(phi0.times(2)).toSignificantDigits(60);
    const curved = new PreciseScalarFlow({ a: 1, b: 1, w0: 1, yStar: r0.plus('1.5'), alpha: 1 }, { digits: 20 }).at(1);
    const reference = new H(1).plus(r0.times(2).times(phi0));
    expect(reference.abs().lt('1e-59')).toBe(true);
    expect(curved.wbar.toString()).toBe(reference.toSignificantDigits(20).toString());
    // The linearization depends on the model only through h(w0), h'(w0) and r0: the tangent model h(w) = 2 w (b = 0,
    // same slope and residual at w0 = 1) has the same wbar.
    const tangent = new PreciseScalarFlow({ a: 2, b: 0, w0: 1, yStar: r0.plus(2), alpha: 1 }, { digits: 20 }).at(1);
    expect(tangent.wbar.toString()).toBe(curved.wbar.toString());
    expect(curved.E.isZero()).toBe(false);
  });

  test('the nonlinear residual is rounded correctly when its decay |p*| t ~ 1.8e16 (not p0 t) amplifies rounding errors', () => {
    // p* = a^2 + 2 b y*/alpha ~ 1.6e16 > 0, p0 = h'(w0)^2 ~ 0.6: r = r0 e^(-|p*| t) / (e^(-|p*| t) + p0 phi) has condition number
    // |p*| t ~ 1.8e16 in the data. Its true value, -5.79125000022...e-7709383534533408, is 2e-10 (relative) above the
    // tie at 5 digits: an error budget sized by p0 t alone would accept -5.7912.
    const p = { a: '1.03110487', b: '-1.12282033', w0: '0.230908', yStar: '-21852005000000000', alpha: 3 };
    const t = '1.0852381217';
    const X = Decimal.clone({ precision: 100, minE: -9e15, maxE: 9e15 });
    const [a, b, w0, yStar, alpha, T] = [p.a, p.b, p.w0, p.yStar, p.alpha, t].map((x) => new X(x)) as [Decimal, Decimal, Decimal, Decimal, Decimal, Decimal];
    const p0 = a.plus(b.times(w0)).pow(2);
    const r0 = yStar.minus(alpha.times(a.times(w0).plus(b.times(w0.pow(2)).div(2))));
    const mu = a.pow(2).plus(b.times(yStar).times(2).div(alpha));
    const decay = X.exp(mu.times(T).neg());
    const reference = r0.times(decay).div(decay.plus(p0.times(new X(1).minus(decay)).div(mu)));
    expect(reference.toSignificantDigits(12).toString()).toBe('-5.79125000022e-7709383534533408');
    const state = new PreciseScalarFlow(p, { digits: 5 }).at(t);
    expect(state.r.toString()).toBe('-5.7913e-7709383534533408');
    expect(state.r.toString()).toBe(reference.toSignificantDigits(5).toString());
  });
});
