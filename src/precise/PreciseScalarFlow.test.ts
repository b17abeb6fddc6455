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

  test('w0 a critical point (h\'(w0) = 0): w stays put and E = 0', () => {
    const state = new PreciseScalarFlow({ a: 1, b: 2, w0: -0.5, yStar: 3, alpha: 1 }).at(10);
    expect([state.w.toString(), state.wbar.toString(), state.hPrime.isZero(), state.E.isZero()]).toEqual(['-0.5', '-0.5', true, true]);
  });

  test('h\'(w(t)) keeps the sign of h\'(w0), even when the target is unreachable (h\' -> 0)', () => {
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
