import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { logisticAndCos, logLogSlope, maxAbsDiff } from './_testing/knownSolutions.js';
import { integrateFixed } from './integrateFixed.js';
import type { Rhs } from './Rhs.js';
import { type TableauName, tableaus } from './tableaus/index.js';

/**
 * Each sweep: first step count N0 of N0, N0 sqrt2, ..., 4 N0 (five points) on [0, T] (default T = 2), chosen in the
 * asymptotic range and above the rounding floor. dopri5's range is narrow in double precision: coarser sweeps are
 * pre-asymptotic (slope 5.1-5.2), finer ones reach the 1e-15 floor. dop853 reaches that floor near 20 steps: its sweep
 * is 4 .. 16. tsit5's principal error is small (its design aim), so on [0, 2] the order-6 term still shows (slopes
 * 5.3-5.9); on [0, 6] its slope is 4.95-5.01 from N0 = 36 to 72. vern6 is `above`: on this problem its order-6 error
 * term nearly vanishes (slope 7.1 on [0, 12] from N0 = 12 to 24) and the floor set by its float64 coefficients
 * (|b_7|, |b_8| ~ 175 cancel: ~1e-13 relative per unit time) comes before the order-6 regime, so the sweep checks that
 * it converges at least at its declared order (slope in [order - 0.1, order + 1.2]); the order conditions at 50 digits
 * (tableaus/index.test.ts) show that it has exactly order 6.
 */
const SWEEP: Record<TableauName, { readonly start: number; readonly T?: number; readonly above?: true }> = {
  euler: { start: 64 },
  heun: { start: 32 },
  midpoint: { start: 96 },
  rk4: { start: 16 },
  bs32: { start: 32 },
  dopri5: { start: 36 },
  tsit5: { start: 48, T: 6 },
  vern6: { start: 24, T: 12, above: true },
  vern7: { start: 8 },
  dop853: { start: 4 },
};

/** Least-squares slope of log(error at T) against log(h) on the sweep. */
function observedOrder(name: TableauName): number {
  const { start, T = 2 } = SWEEP[name];
  const counts = [0, 1, 2, 3, 4].map((k) => Math.round(start * 2 ** (k / 2)));
  const exact = logisticAndCos.exact(T);
  const errors = counts.map((N) => maxAbsDiff(integrateFixed(tableaus[name], logisticAndCos.f, logisticAndCos.t0, logisticAndCos.y0, T, N).y, exact));
  return logLogSlope(
    counts.map((N) => T / N),
    errors,
  );
}

describe('integrateFixed: observed order on a nonlinear non-autonomous problem with known solution', () => {
  test.each(Object.keys(tableaus) as TableauName[])('%s converges with its declared order (+-0.1)', (name) => {
    const slope = observedOrder(name);
    const { order } = tableaus[name];
    if (SWEEP[name].above === true) expect([slope > order - 0.1, slope < order + 1.2]).toEqual([true, true]);
    else expect(Math.abs(slope - order)).toBeLessThan(0.1);
  });
});

describe('integrateFixed: bookkeeping', () => {
  test.each([
    ['euler', 1, 10],
    ['rk4', 4, 40],
    ['dopri5', 7, 1 + 6 * 10], // FSAL: the last stage is the next first stage
    ['dop853', 13, 1 + 12 * 10],
  ] as const)('%s: %i stages, %i evaluations for 10 steps', (name, _stages, evaluations) => {
    expect(integrateFixed(tableaus[name], logisticAndCos.f, 0, logisticAndCos.y0, 1, 10).rhsEvaluations).toBe(evaluations);
  });

  test('t1 = t0 returns a copy of y0 without calling f', () => {
    const y0 = Float64Array.of(1, 2);
    const r = integrateFixed(tableaus.rk4, () => expect.fail('f called'), 3, y0, 3, 5);
    expect(r).toEqual({ y: y0, rhsEvaluations: 0 });
    expect(r.y).not.toBe(y0);
  });

  test('one step of Euler is y0 + h f(t0, y0)', () => {
    expect(Array.from(integrateFixed(tableaus.euler, logisticAndCos.f, 0, [0.5, 2], 0.1, 1).y)).toEqual([0.5 + 0.1 * 0.25, 2 + 0.1 * 2]);
  });

  test('a non-finite state throws NtkSolveError(non-finite) at the last good time', () => {
    const f: Rhs = (t, _y, dy) => {
      dy[0] = t > 0.5 ? Number.NaN : 1;
    };
    const e = (() => {
      try {
        integrateFixed(tableaus.rk4, f, 0, [0], 1, 10);
      } catch (err) {
        return err;
      }
      return;
    })();
    expect(e).toBeInstanceOf(NtkSolveError);
    expect(e).toMatchObject({ reason: 'non-finite', t: 0.5, steps: 5 });
  });

  test.each([
    ['t1 < t0', () => integrateFixed(tableaus.rk4, logisticAndCos.f, 1, [0, 1], 0, 4), 't1'],
    ['NaN in y0', () => integrateFixed(tableaus.rk4, logisticAndCos.f, 0, [Number.NaN, 1], 1, 4), 'y0[0]'],
    ['steps = 0', () => integrateFixed(tableaus.rk4, logisticAndCos.f, 0, [0, 1], 1, 0), 'steps'],
    ['steps = 1.5', () => integrateFixed(tableaus.rk4, logisticAndCos.f, 0, [0, 1], 1, 1.5), 'steps'],
    ['t0 infinite', () => integrateFixed(tableaus.rk4, logisticAndCos.f, Number.NEGATIVE_INFINITY, [0, 1], 1, 4), 't0'],
  ])('rejects %s', (_what, call, parameter) => {
    expect(call).toThrow(NtkInputError);
    expect(call).toThrow(expect.objectContaining({ parameter }));
  });
});
