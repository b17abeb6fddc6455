import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { PreciseConverse } from './PreciseConverse.js';
import { PreciseScalarFlow } from './PreciseScalarFlow.js';
import { MPMATH_CONVERSE, MPMATH_GENERAL, roundedReference, type ConverseCase, type GeneralCase } from './_testing/references.js';

const H = Decimal.clone({ precision: 1200 });

/** The converse model as a general flow: a = 1/sqrt(T) and y* = sqrt(2 R0) to 1200 digits. */
function asGeneral(p: { alpha: string; T: string; lip: string; R0: string }): PreciseScalarFlow {
  return new PreciseScalarFlow({ a: H.div(1, H.sqrt(p.T)), b: p.lip, w0: 0, yStar: H.sqrt(new H(p.R0).times(2)), alpha: p.alpha });
}

describe('PreciseScalarFlow: the converse model is a special case', () => {
  for (const [name, ref] of Object.entries<ConverseCase>(MPMATH_CONVERSE)) {
    test(`${name}: E(T), w(t) and alpha h = y* u agree with PreciseConverse to all 50 digits`, () => {
      const converse = new PreciseConverse(ref);
      const t = ref.t ?? ref.T;
      const snap = converse.at(t);
      const state = asGeneral(ref).at(t);
      expect(asGeneral(ref).E(ref.T).toString()).toBe(snap.E.toString());
      expect(state.w.toString()).toBe(snap.w.toString());
      const yu = H.sqrt(new H(ref.R0).times(2)).times(snap.u);
      expect(state.v.minus(yu).abs().lte(state.v.abs().times('1e-48'))).toBe(true);
    });
  }
});

describe('PreciseScalarFlow: sign cases against mpmath.odefun (70-digit Taylor ODE solve)', () => {
  for (const [name, ref] of Object.entries<GeneralCase>(MPMATH_GENERAL)) {
    test(`${name}: v, vbar, w, wbar, E correctly rounded to 50 digits`, () => {
      const state = new PreciseScalarFlow(ref).at(ref.t);
      for (const key of ['v', 'vbar', 'w', 'wbar', 'E'] as const) {
        expect([key, state[key].toString()]).toEqual([key, roundedReference(ref.expected[key], 50)]);
      }
    });
  }
});

describe('PreciseScalarFlow: special cases hold exactly', () => {
  test('b = 0 is the linear flow: v = vbar = y* + (v0 - y*) e^(-a^2 t), E = 0 exactly', () => {
    const state = new PreciseScalarFlow({ a: 1.5, b: 0, w0: 0.2, yStar: -1, alpha: 2 }).at(0.8);
    const D = Decimal.clone({ precision: 80 });
    const expected = new D(-1).plus(new D(0.6).plus(1).times(D.exp(-1.8)));
    expect(state.E.isZero()).toBe(true);
    expect(state.v.eq(state.vbar) && state.w.eq(state.wbar)).toBe(true);
    expect(state.v.toString()).toBe(expected.toSignificantDigits(50, Decimal.ROUND_HALF_EVEN).toString());
  });

  test('double root (p* = 0): the rational solution r = r0 / (1 + p0 t)', () => {
    const state = new PreciseScalarFlow({ a: 2, b: -4, w0: 0, yStar: 0.5, alpha: 1 }).at(3); // p* = 4 - 8 * 0.5 = 0
    const D = Decimal.clone({ precision: 60 });
    expect(state.r.toString()).toBe(new D(0.5).div(13).toSignificantDigits(50, Decimal.ROUND_HALF_EVEN).toString());
  });

  test("w0 a critical point (h'(w0) = 0): w stays put and E = 0", () => {
    const state = new PreciseScalarFlow({ a: 1, b: 2, w0: -0.5, yStar: 3, alpha: 1 }).at(10);
    expect([state.w.toString(), state.wbar.toString(), state.hPrime.isZero(), state.E.isZero()]).toEqual(['-0.5', '-0.5', true, true]);
  });

  test("h'(w(t)) keeps the sign of h'(w0), even when the target is unreachable (h' -> 0)", () => {
    const flow = new PreciseScalarFlow({ a: 1, b: -1, w0: 0, yStar: 2, alpha: 1 }); // p* = -3 < 0
    const late = flow.at(20);
    expect(late.hPrime.gt(0) && late.hPrime.lt('1e-12')).toBe(true);
    expect(new PreciseScalarFlow({ a: 0.5, b: 2, w0: -1, yStar: 1, alpha: 0.7 }).at(5).hPrime.isNegative()).toBe(true);
  });

  test('E at t = 0 and for r0 = 0 is exactly 0; bad input throws NtkInputError', () => {
    expect(new PreciseScalarFlow({ a: 1, b: 1, w0: 0.3, yStar: 2, alpha: 1 }).E(0).isZero()).toBe(true);
    expect(new PreciseScalarFlow({ a: 1, b: 1, w0: 2, yStar: 4, alpha: 1 }).E(5).isZero()).toBe(true); // alpha h(2) = 4
    expect(() => new PreciseScalarFlow({ a: 1, b: 1, w0: 0, yStar: 1, alpha: 0 })).toThrow('alpha=0 must be a finite number > 0');
    expect(() => new PreciseScalarFlow({ a: 1, b: Number.POSITIVE_INFINITY, w0: 0, yStar: 1, alpha: 1 })).toThrow(NtkInputError);
    expect(() => new PreciseScalarFlow({ a: 1, b: 1, w0: 0, yStar: 1, alpha: 1 }).at(-2)).toThrow('t=-2 must be a finite number >= 0');
  });

  test('tiny nonlinearity (b r0 ~ 1e-60): E ~ 1e-60 relative to r0 still comes out to all digits', () => {
    const p = { a: 1, b: '1e-60', w0: 0, yStar: 1, alpha: 1 };
    const E50 = new PreciseScalarFlow(p).E(1);
    const E70 = new PreciseScalarFlow(p, { digits: 70 }).E(1);
    expect(E50.toString()).toBe(E70.toSignificantDigits(50, Decimal.ROUND_HALF_EVEN).toString());
    expect(E50.gt('1e-62') && E50.lt('1e-59')).toBe(true);
  });
});

describe('PreciseScalarFlow: identities that hold to every digit, also where a value cancels', () => {
  const round50 = (x: Decimal): string => x.toSignificantDigits(50, Decimal.ROUND_HALF_EVEN).toString();
  const X = Decimal.clone({ precision: 400 });

  // y* = 0: v = y* - r = -r and vbar = -rbar, although v = v0 + (v - v0) cancels ~40 digits by t = 100.
  test('nonlinear (b != 0): v = -r, vbar = -rbar and alpha h(w) = v to every digit after 40 digits of cancellation', () => {
    const state = new PreciseScalarFlow({ a: 1, b: 0.5, w0: 1, yStar: 0, alpha: 1 }).at(100);
    expect(state.v.abs().lt('1e-40')).toBe(true);
    expect(state.v.toString()).toBe(state.r.neg().toString());
    expect(state.vbar.toString()).toBe(state.rbar.neg().toString());
    const w = new X(state.w);
    const v = w.plus(w.times(w).div(4)); // alpha h(w) = w + w^2 / 4
    expect(v.minus(state.v).abs().lte(v.abs().times('1e-48'))).toBe(true);
  });

  test('linear (b = 0): v = -r = w and vbar = -rbar = wbar to every digit after 40 digits of cancellation', () => {
    const state = new PreciseScalarFlow({ a: 1, b: 0, w0: 1, yStar: 0, alpha: 1 }).at(100);
    expect(state.v.abs().lt('1e-40')).toBe(true);
    expect([state.v.toString(), state.w.toString()]).toEqual([state.r.neg().toString(), state.r.neg().toString()]);
    expect([state.vbar.toString(), state.wbar.toString()]).toEqual([state.rbar.neg().toString(), state.rbar.neg().toString()]);
  });

  test('e^(-p0 t) for large p0 t is correctly rounded (no 1 + expm1 round trip): rbar(100) = e^(-100)', () => {
    const state = new PreciseScalarFlow({ a: 1, b: 0, w0: 0, yStar: 1, alpha: 1 }).at(100);
    expect(state.rbar.toString()).toBe(round50(X.exp(-100)));
    expect(state.r.toString()).toBe(state.rbar.toString());
  });

  test('1 - e^(-p0 t) for tiny p0 t keeps every digit: vbar(1e-30) = 1 - e^(-1e-30)', () => {
    const state = new PreciseScalarFlow({ a: 1, b: 0, w0: 0, yStar: 1, alpha: 1 }).at('1e-30');
    expect(state.vbar.toString()).toBe(round50(new X(1).minus(X.exp('-1e-30'))));
    expect(state.wbar.toString()).toBe(state.vbar.toString()); // h = w, alpha = 1
  });

  test('p* = 0 at a tiny time: E = |r0/(1 + t) - r0 e^(-t)| ~ t^2/4 cancels 40 digits and still comes out right', () => {
    // a = b = 1, alpha = 1, y* = -1/2, w0 = 0: p* = 1 + 2 y* = 0, p0 = 1, r0 = -1/2.
    const t = '1e-20';
    const state = new PreciseScalarFlow({ a: 1, b: 1, w0: 0, yStar: -0.5, alpha: 1 }).at(t);
    const exact = new X(-0.5)
      .div(new X(t).plus(1))
      .minus(new X(-0.5).times(X.exp(new X(t).neg())))
      .abs();
    expect(state.E.toString()).toBe(round50(exact));
  });

  test('far beyond the decimal.js exponent range (p t > 2e16) the residuals flush to 0 and E = |r - rbar| stays exact', () => {
    // p* = 1 + 2 * 2 = 5 > p0 = 1: both decay, r ~ e^(-5t) far below rbar ~ e^(-t), both below 10^-9e15.
    const state = new PreciseScalarFlow({ a: 1, b: 1, w0: 0, yStar: 2, alpha: 1 }).at('1e17');
    expect([state.r.isZero(), state.rbar.isZero(), state.E.isZero()]).toEqual([true, true, true]);
    expect(state.v.toString()).toBe('2');
    // A slow linear side (p0 = 1e-12, p0 t = 1e5) keeps rbar = 2 e^(-1e5) alive while r flushes (p* t = 4e17):
    // E = |r - rbar| = rbar, with nothing to cancel (r0 - r and r0 - rbar agree to 43 000 digits).
    const slow = new PreciseScalarFlow({ a: '1e-6', b: 1, w0: 0, yStar: 2, alpha: 1 }).at('1e17');
    expect(slow.r.isZero()).toBe(true);
    expect(slow.E.toString()).toBe(slow.rbar.abs().toString());
    expect(slow.rbar.toString()).toBe(round50(X.exp('-1e5').times(2)));
  });

  test('bad parameters are named', () => {
    const ok = { a: 1, b: 1, w0: 0, yStar: 1, alpha: 1 };
    expect(() => new PreciseScalarFlow({ ...ok, a: 'x' })).toThrow('a="x" must be a finite number');
    expect(() => new PreciseScalarFlow({ ...ok, b: Number.NaN })).toThrow('b=NaN must be a finite number');
    expect(() => new PreciseScalarFlow({ ...ok, w0: 'Infinity' })).toThrow('w0="Infinity" must be a finite number');
    expect(() => new PreciseScalarFlow({ ...ok, yStar: '' })).toThrow('yStar="" must be a finite number');
  });
});
