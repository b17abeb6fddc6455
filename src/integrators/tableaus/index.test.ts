import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { rationalToDecimal } from '../_internals/rational.js';
import { type OrderCondition, orderConditions } from '../orderConditions.js';
import type { Rational, Tableau } from '../Tableau.js';
import { tableaus } from './index.js';

/**
 * Digits of the decimal arithmetic: 50, or 10 more than the coefficients' own `digits` (Tsitouras' 85). Exact rationals
 * with 40-to-70-digit numerators and sums of large terms (Verner's pairs: |b_i| ~ 73, |a_ij| ~ 200) cancel to ~1e-35
 * at 40 digits, so 50 leaves the 1e-35 threshold a margin of 1e10.
 */
const precision = (t: Tableau): number => Math.max(50, (t.digits ?? 0) + 10);
const D = Decimal.clone({ precision: 50 });
const FAILS = new D('1e-12');
/**
 * Trees up to order 6 (37 trees) show that every declared order <= 5 is exact; a method of order 6 to 8 is checked
 * on all trees up to order 8 (200 trees), the most `orderConditions` enumerates.
 */
const checkedOrder = (t: Tableau): number => (t.order <= 5 ? 6 : 8);
/**
 * Conditions of exact rational coefficients hold to 1e-35 (at 50 digits); decimal approximations to `digits`
 * significant digits (DOP853's 30) hold to 10^-(digits - 3) (coefficients up to ~50 in size, sums of ~16 terms).
 */
const holds = (t: Tableau): Decimal => new D(t.digits === undefined ? '1e-35' : `1e-${t.digits - 3}`);
/** The same for the dense coefficients, whose decimals (DOP853's D) reach ~5e2 in size: 10^-(digits - 6). */
const denseHolds = (t: Tableau): Decimal => new D(t.digits === undefined ? '1e-35' : `1e-${t.digits - 6}`);

const sum = (xs: readonly Rational[], Dt: Decimal.Constructor): Decimal => xs.reduce((acc, x) => acc.plus(rationalToDecimal(x, Dt)), new Dt(0));

/** The conditions up to `order` hold, and some condition of order + 1 fails (when order + 1 is checked). */
function expectExactOrder(conditions: readonly OrderCondition[], order: number, checked: number, HOLDS: Decimal): void {
  const broken = conditions.filter((c) => c.order <= order && !c.residual.abs().lt(HOLDS));
  expect(broken.map((c) => `${c.tree}: ${c.residual.toExponential(3)}`)).toEqual([]);
  if (order < checked) {
    expect(conditions.some((c) => c.order === order + 1 && c.residual.abs().gt(FAILS))).toBe(true);
  }
}

const registry: [string, Tableau][] = Object.entries(tableaus);

describe.each(registry)('tableau %s', (name, t) => {
  const HOLDS = holds(t);
  const digits = precision(t);
  const Dt = Decimal.clone({ precision: digits });
  const CHECKED_ORDER = checkedOrder(t);
  test('is registered under its own name and frozen', () => {
    expect(t.name).toBe(name);
    expect(Object.isFrozen(t) && Object.isFrozen(t.A) && t.A.every(Object.isFrozen)).toBe(true);
  });

  test('sum(b) = 1 and the rows of A sum to c (scipy test_integrate_ivp consistency)', () => {
    expect(sum(t.b, Dt).minus(1).abs().lt(HOLDS)).toBe(true);
    t.A.forEach((row, i) => {
      expect(
        sum(row, Dt)
          .minus(rationalToDecimal(t.c[i] as Rational, Dt))
          .abs()
          .lt(HOLDS),
      ).toBe(true);
    });
  });

  test(`b has exactly order ${t.order} (all rooted-tree conditions at ${digits} digits)`, () => {
    expectExactOrder(orderConditions(t.A, t.b, CHECKED_ORDER, { precision: digits }), t.order, CHECKED_ORDER, HOLDS);
  });

  const { bHat, embeddedOrder, dense } = t;
  test.runIf(bHat !== undefined && embeddedOrder !== undefined)('bHat has exactly its embedded order', () => {
    expect(
      sum(bHat ?? [], Dt)
        .minus(1)
        .abs()
        .lt(HOLDS),
    ).toBe(true);
    expectExactOrder(orderConditions(t.A, bHat ?? [], CHECKED_ORDER, { precision: digits }), embeddedOrder ?? 0, CHECKED_ORDER, HOLDS);
  });

  const { bLow, lowOrder } = t;
  test.runIf(bLow !== undefined && lowOrder !== undefined)('bLow has exactly its order', () => {
    expect(
      sum(bLow ?? [], Dt)
        .minus(1)
        .abs()
        .lt(HOLDS),
    ).toBe(true);
    expectExactOrder(orderConditions(t.A, bLow ?? [], CHECKED_ORDER, { precision: digits }), lowOrder ?? 0, CHECKED_ORDER, HOLDS);
  });

  test.runIf(dense !== undefined)('the dense extension reproduces b at theta = 1 and has its declared order for every theta', () => {
    if (dense === undefined) return;
    // the extra stages (if any) extend A: row s + r has s + r entries, and their weights at theta = 1 are 0
    const extra = dense.extraStages;
    const A = extra === undefined ? t.A : [...t.A, ...extra.A];
    const b = [...t.b, ...(extra?.c ?? []).map(() => '0')];
    extra?.A.forEach((row, r) => {
      expect(
        sum(row, Dt)
          .minus(rationalToDecimal(extra.c[r] as Rational, Dt))
          .abs()
          .lt(HOLDS),
      ).toBe(true);
    });
    dense.P.forEach((row, i) => {
      expect(
        sum(row, Dt)
          .minus(rationalToDecimal(b[i] as Rational, Dt))
          .abs()
          .lt(HOLDS),
      ).toBe(true);
    });
    const degree = dense.P[0]?.length ?? 0;
    const columns = Array.from({ length: degree }, (_, j) => dense.P.map((row) => row[j] as Rational));
    // b_i(theta) = sum_j P_ij theta^(j+1): each power of theta must match theta^rho / gamma separately.
    const perPower = columns.map((col, j) => orderConditions(A, col, CHECKED_ORDER, { precision: digits, thetaPower: j + 1 }));
    const all = perPower.flat();
    expect(all.filter((c) => c.order <= dense.order && !c.residual.abs().lt(denseHolds(t)))).toEqual([]);
    expect(all.some((c) => c.order === dense.order + 1 && c.residual.abs().gt(FAILS))).toBe(true);
  });
});

test('the registry holds the ten built-in methods', () => {
  expect(Object.keys(tableaus).sort()).toEqual(['bs32', 'dop853', 'dopri5', 'euler', 'heun', 'midpoint', 'rk4', 'tsit5', 'vern6', 'vern7']);
  expect(Object.isFrozen(tableaus)).toBe(true);
});
