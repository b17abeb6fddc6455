import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { rationalToDecimal } from '../_internals/rational.js';
import { type OrderCondition, orderConditions } from '../orderConditions.js';
import type { Rational, Tableau } from '../Tableau.js';
import { tableaus } from './index.js';

const D = Decimal.clone({ precision: 40 });
const HOLDS = new D('1e-35');
const FAILS = new D('1e-12');
/** Trees up to order 6 (37 trees): enough to show that every declared order <= 5 is exact. */
const CHECKED_ORDER = 6;

const sum = (xs: readonly Rational[]): Decimal => xs.reduce((acc, x) => acc.plus(rationalToDecimal(x, D)), new D(0));

/** The conditions up to `order` hold, and some condition of order + 1 fails (when order + 1 is checked). */
function expectExactOrder(conditions: readonly OrderCondition[], order: number): void {
  const broken = conditions.filter((c) => c.order <= order && !c.residual.abs().lt(HOLDS));
  expect(broken.map((c) => `${c.tree}: ${c.residual.toExponential(3)}`)).toEqual([]);
  if (order < CHECKED_ORDER) {
    expect(conditions.some((c) => c.order === order + 1 && c.residual.abs().gt(FAILS))).toBe(true);
  }
}

const registry: [string, Tableau][] = Object.entries(tableaus);

describe.each(registry)('tableau %s', (name, t) => {
  test('is registered under its own name and frozen', () => {
    expect(t.name).toBe(name);
    expect(Object.isFrozen(t) && Object.isFrozen(t.A) && t.A.every(Object.isFrozen)).toBe(true);
  });

  test('sum(b) = 1 and the rows of A sum to c (scipy test_integrate_ivp consistency)', () => {
    expect(sum(t.b).minus(1).abs().lt(HOLDS)).toBe(true);
    t.A.forEach((row, i) => expect(sum(row).minus(rationalToDecimal(t.c[i] as Rational, D)).abs().lt(HOLDS)).toBe(true));
  });

  test(`b has exactly order ${t.order} (all rooted-tree conditions at 40 digits)`, () => {
    expectExactOrder(orderConditions(t.A, t.b, CHECKED_ORDER), t.order);
  });

  const { bHat, embeddedOrder, dense } = t;
  test.runIf(bHat !== undefined && embeddedOrder !== undefined)('bHat has exactly its embedded order', () => {
    expect(sum(bHat ?? []).minus(1).abs().lt(HOLDS)).toBe(true);
    expectExactOrder(orderConditions(t.A, bHat ?? [], CHECKED_ORDER), embeddedOrder ?? 0);
  });

  test.runIf(dense !== undefined)('the dense extension reproduces b at theta = 1 and has its declared order for every theta', () => {
    if (dense === undefined) return;
    dense.P.forEach((row, i) => expect(sum(row).minus(rationalToDecimal(t.b[i] as Rational, D)).abs().lt(HOLDS)).toBe(true));
    const degree = dense.P[0]?.length ?? 0;
    const columns = Array.from({ length: degree }, (_, j) => dense.P.map((row) => row[j] as Rational));
    // b_i(theta) = sum_j P_ij theta^(j+1): each power of theta must match theta^rho / gamma separately.
    const perPower = columns.map((col, j) => orderConditions(t.A, col, CHECKED_ORDER, { thetaPower: j + 1 }));
    const all = perPower.flat();
    expect(all.filter((c) => c.order <= dense.order && !c.residual.abs().lt(HOLDS))).toEqual([]);
    expect(all.some((c) => c.order === dense.order + 1 && c.residual.abs().gt(FAILS))).toBe(true);
  });
});

test('the registry holds the six built-in methods', () => {
  expect(Object.keys(tableaus).sort()).toEqual(['bs32', 'dopri5', 'euler', 'heun', 'midpoint', 'rk4']);
  expect(Object.isFrozen(tableaus)).toBe(true);
});
