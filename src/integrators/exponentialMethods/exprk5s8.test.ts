import { describe, expect, test } from 'vitest';
import { rationalToNumber } from '../_internals/rational.js';
import { parsePhiTerm } from '../defineExponentialMethod.js';
import type { PhiCombination } from '../ExponentialMethod.js';
import { phiFunctions } from '../phiFunctions.js';
import { exprk5s8 } from './exprk5s8.js';

/** The coefficient's value at z = h lambda_L (a scalar linear part). */
const value = (terms: PhiCombination, z: number): number =>
  terms.reduce((s, text) => {
    const t = parsePhiTerm(text)!;
    return s + rationalToNumber(t.weight) * phiFunctions(rationalToNumber(t.gamma) * z, 4)[t.k]!;
  }, 0);

const c = exprk5s8.c.map((x) => rationalToNumber(x));
const FACT = [1, 1, 2, 6, 24];

/** psi_(k,i)(z) = sum_j A_ij(z) c_j^(k-1) / (k-1)! - c_i^k phi_k(c_i z): the defect of stage i for g of degree k - 1 in time. */
const psi = (k: number, i: number, z: number): number =>
  exprk5s8.A[i]!.reduce((s, a, j) => s + (value(a, z) * c[j]! ** (k - 1)) / FACT[k - 1]!, 0) - c[i]! ** k * phiFunctions(c[i]! * z, 5)[k]!;

// Hochbruck & Ostermann, Acta Numerica 19 (2010), Table 2.3, and Luan & Ostermann (2014), Sec. 4: the stiff order
// conditions up to order 5 in the scalar (commuting) case, which the moment conditions of index.test.ts do not cover.
describe.each([-1e-3, -0.7, -5, -60, -900])('exprk5s8 at z = %s: the stiff conditions of its construction', (z) => {
  test('stage orders: psi_2 vanishes from stage 3 on, psi_3 from stage 5 on (so every psi_2, psi_3 term of the order-4/5 conditions drops)', () => {
    for (let i = 2; i < c.length; i++) expect(psi(2, i, z)).toBeCloseTo(0, 13);
    for (let i = 4; i < c.length; i++) expect(psi(3, i, z)).toBeCloseTo(0, 13);
    // stage 2 is only of order 1, and stages 3-4 of order 2: the conditions are not trivially true
    expect(Math.abs(psi(2, 1, z))).toBeGreaterThan(1e-6);
    expect(Math.abs(psi(3, 2, z))).toBeGreaterThan(1e-9);
  });

  test('order 5 in the weakened form of Luan & Ostermann: sum_i b_i(0) psi_(4,i)(z) = 0 (not with b_i(z)); stage 2 carries no weight', () => {
    expect(exprk5s8.b.reduce((s, b, i) => s + value(b, 0) * psi(4, i, z), 0)).toBeCloseTo(0, 13);
    // the strong form fails away from z = 0: the test can tell the two apart
    if (z < -0.5) expect(Math.abs(exprk5s8.b.reduce((s, b, i) => s + value(b, z) * psi(4, i, z), 0))).toBeGreaterThan(1e-9);
    expect(exprk5s8.b[1]).toEqual([]);
    // the embedded Simpson rule uses only stages whose psi_2 and psi_3 vanish (c = 0, stage 5, stage 8)
    exprk5s8.bHat.forEach((b, i) => {
      if (b.length > 0) expect(Math.abs(psi(2, i, z)) + Math.abs(psi(3, i, z))).toBeLessThan(1e-13);
    });
  });
});
