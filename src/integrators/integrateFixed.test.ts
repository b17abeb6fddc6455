import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { logisticAndCos, logLogSlope, maxAbsDiff } from './_testing/knownSolutions.js';
import { integrateFixed } from './integrateFixed.js';
import type { Rhs } from './Rhs.js';
import { type TableauName, tableaus } from './tableaus/index.js';

const T = 2;
/**
 * First step count of each sweep N0, N0 sqrt2, ..., 4 N0 (five points), chosen in the asymptotic range and above
 * the rounding floor. dopri5's range is narrow in double precision: coarser sweeps are pre-asymptotic (slope
 * 5.1-5.2), finer ones reach the 1e-15 floor. dop853 reaches that floor near 20 steps: its sweep is 4 .. 16.
 */
const SWEEP_START: Record<TableauName, number> = { euler: 64, heun: 32, midpoint: 96, rk4: 16, bs32: 32, dopri5: 36, dop853: 4 };

/** Least-squares slope of log(error at T) against log(h) on the sweep. */
function observedOrder(name: TableauName): number {
  const counts = [0, 1, 2, 3, 4].map((k) => Math.round(SWEEP_START[name] * 2 ** (k / 2)));
  const exact = logisticAndCos.exact(T);
  const errors = counts.map((N) => maxAbsDiff(integrateFixed(tableaus[name], logisticAndCos.f, logisticAndCos.t0, logisticAndCos.y0, T, N).y, exact));
  return logLogSlope(
    counts.map((N) => T / N),
    errors,
  );
}

describe('integrateFixed: observed order on a nonlinear non-autonomous problem with known solution', () => {
  test.each(Object.keys(tableaus) as TableauName[])('%s converges with its declared order (+-0.1)', (name) => {
    expect(Math.abs(observedOrder(name) - tableaus[name].order)).toBeLessThan(0.1);
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
