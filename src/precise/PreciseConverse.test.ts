import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { PreciseConverse } from './PreciseConverse.js';
import { MPMATH_CONVERSE, naiveConverseE, roundedReference, type ConverseCase } from './_testing/references.js';

const KEYS = ['kappa', 'c', 'u', 'ubar', 'w', 'E', 'lowerBound', 'upperBound'] as const;

describe('PreciseConverse: agreement with mpmath (400-digit direct formula), correctly rounded', () => {
  for (const [name, ref] of Object.entries<ConverseCase>(MPMATH_CONVERSE)) {
    for (const digits of [50, 17, 1]) {
      test(`${name} at ${digits} digits: every value equals the rounded reference`, () => {
        const snapshot = new PreciseConverse(ref, { digits }).at(ref.t);
        for (const key of KEYS) expect([key, snapshot[key].toString()]).toEqual([key, roundedReference(ref.expected[key], digits)]);
      });
    }
  }
});

describe('PreciseConverse: cancellation and range', () => {
  test('kappa = 1e-40: E ~ (4/e^2) kappa sqrt(R0), all 50 digits right (naive formula at 170 digits)', () => {
    const p = { alpha: '1', T: '1', lip: '1e-40', R0: '1' };
    const E = new PreciseConverse(p).E;
    expect(E.toString()).toBe(naiveConverseE(p, 60).toSignificantDigits(50).toString());
    const H = Decimal.clone({ precision: 60 });
    const leading = new H(4).div(H.exp(2)).times('1e-40');
    expect(new H(E).div(leading).minus(1).abs().lt('1e-38')).toBe(true);
  });

  test('kappa = 1e-300, R0 = 1e-200 (strings, outside double-friendly ranges): 50 digits vs the naive formula at 690+ digits', () => {
    const p = { alpha: '3', T: '1e-100', lip: '7e-100', R0: '1e-200' };
    expect(new PreciseConverse(p).E.toString()).toBe(naiveConverseE(p, 60).toSignificantDigits(50).toString());
  });

  test('kappa = 1e16: e^(1+c) is 10^(1.2e16), beyond decimal.js; E = sqrt(2 R0)/e to every digit', () => {
    const model = new PreciseConverse({ alpha: 1e-3, T: 1e6, lip: 1e4, R0: 1e6 });
    const limit = Decimal.clone({ precision: 80 })
      .sqrt(2e6)
      .div(Decimal.clone({ precision: 80 }).exp(1));
    expect(model.E.toString()).toBe(limit.toSignificantDigits(50, Decimal.ROUND_HALF_EVEN).toString());
  });

  test('1000 digits: E agrees with the naive formula at 1060+ digits; w at 300 digits with the plain quadratic root', () => {
    const p = { alpha: '0.37', T: '12.5', lip: '0.0031', R0: '2.7' };
    expect(new PreciseConverse(p, { digits: 1000 }).E.toString()).toBe(naiveConverseE(p, 1060).toSignificantDigits(1000, Decimal.ROUND_HALF_EVEN).toString());
    const H = Decimal.clone({ precision: 400 });
    const c = H.sqrt(new H(p.R0).times(8)).times(p.lip).times(p.T).div(p.alpha);
    const X = H.exp(c.plus(1));
    const q = H.sqrt(new H(p.R0).times(2))
      .times(X.minus(1).div(X.plus(c)))
      .div(p.alpha);
    const a = H.div(1, H.sqrt(p.T));
    const w = H.sqrt(a.times(a).plus(q.times(p.lip).times(2)))
      .minus(a)
      .div(p.lip);
    expect(new PreciseConverse(p, { digits: 300 }).w(p.T).toString()).toBe(w.toSignificantDigits(300, Decimal.ROUND_HALF_EVEN).toString());
  });
});

describe('PreciseConverse: random parameters and digits against the naive formula', () => {
  test('E(T) and u(s) equal the direct formula of docs/theory.md at digits + 40 + 2|log10 c|, rounded (40 cases, 1..80 digits)', () => {
    const tenTo = (lo: number, hi: number) =>
      fc.integer({ min: lo * 1000, max: hi * 1000 }).map((k) =>
        new Decimal(10)
          .pow(k / 1000)
          .toSignificantDigits(12)
          .toString(),
      );
    const cases = fc.record({
      alpha: tenTo(-3, 6),
      T: tenTo(-4, 6),
      lip: tenTo(-4, 4),
      R0: tenTo(-6, 6),
      digits: fc.integer({ min: 1, max: 80 }),
      s: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(cases, (p) => {
        const model = new PreciseConverse(p, { digits: p.digits });
        const c = model.c.toNumber();
        fc.pre(c < 1e6); // the naive e^(1+c) is slow beyond
        const H = Decimal.clone({ precision: p.digits + 40 + 2 * Math.ceil(Math.abs(Math.log10(c))) });
        const s = new H(p.s).div(1000);
        const cc = new H(p.lip)
          .times(p.T)
          .times(H.sqrt(new H(p.R0).times(8)))
          .div(p.alpha);
        const X = H.exp(cc.plus(1).times(s));
        const u = X.minus(1).div(X.plus(cc));
        const round = (x: Decimal): string => x.toSignificantDigits(p.digits, Decimal.ROUND_HALF_EVEN).toString();
        expect(model.E.toString()).toBe(round(naiveConverseE(p, p.digits + 10)));
        expect(model.u(s).toString()).toBe(round(u));
      }),
      { seed: 11, numRuns: 40 },
    );
  });
});

describe('PreciseConverse: API', () => {
  const model = new PreciseConverse({ alpha: 2, T: 3, lip: 0.5, R0: 0.25 }, { digits: 30 });

  test("results come from the model's own constructor (precision = digits), which is not the global Decimal", () => {
    expect(model.Decimal.precision).toBe(30);
    expect(model.Decimal).not.toBe(Decimal);
    expect(model.E).toBeInstanceOf(model.Decimal);
    expect(Decimal.precision).toBe(20);
  });

  test('the global Decimal configuration does not change any result', () => {
    const before = new PreciseConverse({ alpha: 2, T: 3, lip: 0.5, R0: 0.25 }).E.toString();
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    try {
      Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
      expect(new PreciseConverse({ alpha: 2, T: 3, lip: 0.5, R0: 0.25 }).E.toString()).toBe(before);
    } finally {
      Decimal.set(saved);
    }
  });

  test('u(s), ubar(s), w(t) are consistent with at(t); zero at t = 0; number, string and Decimal inputs agree', () => {
    const at = model.at(1.5);
    expect(at.s.toString()).toBe('0.5');
    expect(model.u(0.5).eq(at.u) && model.ubar('0.5').eq(at.ubar) && model.w(new Decimal(1.5)).eq(at.w)).toBe(true);
    expect([model.u(0).isZero(), model.ubar(0).isZero(), model.w(0).isZero()]).toEqual([true, true, true]);
    expect(new PreciseConverse({ alpha: '0.1', T: 1, lip: 1, R0: 1 }).E.eq(new PreciseConverse({ alpha: 0.1, T: 1, lip: 1, R0: 1 }).E)).toBe(true);
  });

  test('bad input throws NtkInputError naming the parameter', () => {
    const ok = { alpha: 1, T: 1, lip: 1, R0: 1 };
    const cases: [() => unknown, string][] = [
      [() => new PreciseConverse({ ...ok, alpha: 0 }), 'alpha=0 must be a finite number > 0'],
      [() => new PreciseConverse({ ...ok, T: Number.NaN }), 'T=NaN must be a finite number'],
      [() => new PreciseConverse({ ...ok, lip: '-1' }), 'lip="-1" must be a finite number > 0'],
      [() => new PreciseConverse({ ...ok, R0: 'abc' }), 'R0="abc" must be a finite number'],
      [() => new PreciseConverse(ok, { digits: 1001 }), 'digits=1001 must be an integer in [1, 1000]'],
      [() => new PreciseConverse(ok, { digits: 0 }), 'digits=0 must be an integer in [1, 1000]'],
      [() => new PreciseConverse(ok).w(1.5), 't=1.5 must be a number in [0, T] (T=1)'],
      [() => new PreciseConverse(ok).at(-1), 't=-1 must be a finite number >= 0'],
      [() => new PreciseConverse(ok).u(2), 's=2 must be a number in [0, 1]'],
    ];
    for (const [run, message] of cases) {
      expect(run).toThrow(NtkInputError);
      expect(run).toThrow(message);
    }
  });
});

describe('PreciseConverse: every parameter must be > 0, s and t >= 0', () => {
  test('zero T, lip or R0 is rejected by name, as is a negative s', () => {
    const ok = { alpha: 1, T: 1, lip: 1, R0: 1 };
    expect(() => new PreciseConverse({ ...ok, T: 0 })).toThrow('T=0 must be a finite number > 0');
    expect(() => new PreciseConverse({ ...ok, lip: '0' })).toThrow('lip="0" must be a finite number > 0');
    expect(() => new PreciseConverse({ ...ok, R0: 0 })).toThrow('R0=0 must be a finite number > 0');
    expect(() => new PreciseConverse({ ...ok, alpha: '-0.5' })).toThrow('alpha="-0.5" must be a finite number > 0');
    expect(() => new PreciseConverse(ok).u(-0.25)).toThrow('s=-0.25 must be a finite number >= 0');
    expect(() => new PreciseConverse(ok).ubar('-1e-30')).toThrow('s="-1e-30" must be a finite number >= 0');
  });
});
