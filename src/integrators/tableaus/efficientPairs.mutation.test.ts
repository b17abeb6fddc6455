/**
 * Sanity mutants of the registry's checks on the efficient pairs (tsit5, vern6, vern7): one coefficient of A moved
 * by 1e-30 (below float64's resolution, far above the checks' 1e-35 / Tsitouras' 1e-82) must break the order
 * conditions of b and bHat, and one moved by 1e-3 must break the observed convergence order in float64.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { logisticAndCos, logLogSlope, maxAbsDiff } from '../_testing/knownSolutions.js';
import { parseRational } from '../_internals/rational.js';
import { defineTableau } from '../defineTableau.js';
import { integrateFixed } from '../integrateFixed.js';
import { orderConditions } from '../orderConditions.js';
import type { Rational, Tableau } from '../Tableau.js';
import { tableaus } from './index.js';

/** x + 10^-exponent, exactly. */
function shifted(x: Rational, exponent: number): Rational {
  const r = parseRational(x);
  if (r === undefined) throw new RangeError(x);
  const { num, den } = r;
  const scaledDen: bigint = den * 10n ** BigInt(exponent);
  const scaledNum: bigint = num * (scaledDen / den);
  return `${scaledNum + den}/${scaledDen}`;
}

/** The tableau with A[i][j] moved by 10^-exponent (the row sum then misses c_i by as much: a consistent perturbation moves c too). */
function mutant(t: Tableau, i: number, j: number, exponent: number): Tableau {
  const A = t.A.map((row, r) => (r === i ? row.map((a, k) => (k === j ? shifted(a, exponent) : a)) : row));
  const c = t.c.map((ci, r) => (r === i ? shifted(ci, exponent) : ci));
  // a perturbed FSAL row would no longer equal b: drop the flag, the mutant is only stepped with fixed steps
  const { fsal: _fsal, dense: _dense, ...rest } = t;
  return defineTableau({ ...rest, name: `${t.name}-mutant`, A, c });
}

const D = Decimal.clone({ precision: 100 });
const T = 2;
const slope = (t: Tableau, start: number): number => {
  const counts = [0, 1, 2, 3, 4].map((k) => Math.round(start * 2 ** (k / 2)));
  const exact = logisticAndCos.exact(T);
  const errors = counts.map((N) => maxAbsDiff(integrateFixed(t, logisticAndCos.f, logisticAndCos.t0, logisticAndCos.y0, T, N).y, exact));
  return logLogSlope(
    counts.map((N) => T / N),
    errors,
  );
};

describe.each([
  ['tsit5', 4, 2],
  ['vern6', 5, 3],
  ['vern7', 6, 3],
] as const)('%s with A[%i][%i] moved', (name, i, j) => {
  const t = tableaus[name];
  test('by 1e-30: the order conditions of b and bHat fail at order 3 (they hold to 1e-35 unperturbed)', () => {
    const m = mutant(t, i, j, 30);
    for (const w of [m.b, m.bHat ?? []]) {
      const broken = orderConditions(m.A, w, 3, { precision: 100 }).filter((c) => c.order === 3 && c.residual.abs().gt(new D('1e-34')));
      expect(broken.length).toBeGreaterThan(0);
    }
  });

  test('by 1e-3: the float64 solution converges at order <= 3, not at its declared order', () => {
    expect(slope(mutant(t, i, j, 3), 32)).toBeLessThan(3.5);
  });
});
