import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { rationalToDecimal, rationalToNumber } from '../_internals/rational.js';
import { defineExponentialMethod, parsePhiTerm } from '../defineExponentialMethod.js';
import { exponentialClassicalLimit } from '../exponentialClassicalLimit.js';
import type { PhiCombination } from '../ExponentialMethod.js';
import { type OrderCondition, orderConditions } from '../orderConditions.js';
import { phiFunctions } from '../phiFunctions.js';
import { exponentialMethods } from './index.js';

const D = Decimal.clone({ precision: 40 });
const HOLDS = new D('1e-35');
const FAILS = new D('1e-12');

function expectExactOrder(conditions: readonly OrderCondition[], order: number): void {
  expect(conditions.filter((c) => c.order <= order && !c.residual.abs().lt(HOLDS)).map((c) => c.tree)).toEqual([]);
  expect(conditions.some((c) => c.order === order + 1 && c.residual.abs().gt(FAILS))).toBe(true);
}

/** The coefficient's value at z = h lambda_L (a scalar linear part). */
const value = (terms: PhiCombination, z: number): number =>
  terms.reduce((s, text) => {
    const t = parsePhiTerm(text)!;
    return s + rationalToNumber(t.weight) * phiFunctions(rationalToNumber(t.gamma) * z, 4)[t.k]!;
  }, 0);

const FACT = [1, 1, 2, 6];
const Z = [-1e-3, -0.4, -3, -25, -400];

describe.each(Object.entries(exponentialMethods))('exponential method %s', (name, m) => {
  const limit = exponentialClassicalLimit(m);
  const c = m.c.map((x) => rationalToNumber(x));

  test('is registered under its name and frozen', () => {
    expect(m.name).toBe(name);
    expect(Object.isFrozen(m) && Object.isFrozen(m.A) && m.A.every(Object.isFrozen)).toBe(true);
  });

  test(`at L = 0 it is a classical pair of orders ${m.order}(${m.embeddedOrder}) (rooted trees at 40 digits), rows summing to c`, () => {
    limit.A.forEach((row, i) => {
      expect(
        row
          .reduce((s, a) => s.plus(rationalToDecimal(a, D)), new D(0))
          .minus(rationalToDecimal(m.c[i]!, D))
          .abs()
          .lt(HOLDS),
      ).toBe(true);
    });
    expectExactOrder(orderConditions(limit.A, limit.b, m.order + 1), m.order);
    expectExactOrder(orderConditions(limit.A, limit.bHat, m.embeddedOrder + 1), m.embeddedOrder);
  });

  test.each(Z)('z = %s: stages exact for constant g (sum_j A_ij = c_i phi_1(c_i z)); b exact for g quadratic in time, bHat linear', (z) => {
    m.A.forEach((row, i) => {
      const sum = row.reduce((s, a) => s + value(a, z), 0);
      expect(sum - c[i]! * phiFunctions(c[i]! * z, 1)[1]!).toBeCloseTo(0, 13);
    });
    const phi = phiFunctions(z, 4);
    const moment = (w: readonly PhiCombination[], k: number) => w.reduce((s, b, i) => s + (value(b, z) * c[i]! ** k) / FACT[k]!, 0);
    for (let k = 0; k <= m.order - 2; k++) expect(moment(m.b, k) - phi[k + 1]!).toBeCloseTo(0, 13);
    for (let k = 0; k <= m.embeddedOrder - 2; k++) expect(moment(m.bHat, k) - phi[k + 1]!).toBeCloseTo(0, 13);
  });
});

test('defineExponentialMethod rejects malformed terms and shapes', () => {
  const base = exponentialMethods.zb43;
  expect(() => defineExponentialMethod({ ...base, b: [['1 phi9(1)'], [], [], [], []] })).toThrow(NtkInputError);
  expect(() => defineExponentialMethod({ ...base, b: [['1 psi1(1)'], [], [], [], []] })).toThrow(NtkInputError);
  expect(() => defineExponentialMethod({ ...base, A: base.A.slice(1) })).toThrow(NtkInputError);
  expect(() => defineExponentialMethod({ ...base, midStage: 1 })).toThrow(NtkInputError);
  expect(() => defineExponentialMethod({ ...base, c: ['1/2', ...base.c.slice(1)] })).toThrow(NtkInputError);
});
