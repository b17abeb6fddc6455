/**
 * integrateAdaptive(dopri5) is scipy's RK45 step for step: the same starting step (Hairer's, `select_initial_step`),
 * error norm, controller (safety 0.9, factors 0.2..10, no growth after a rejection) and FSAL stages, so on problems
 * where the last step needs no stretching both take the same accepted and rejected steps and f evaluations.
 * Reference values: scipy 1.17.1,
 *   r = solve_ivp(f, (t0, t1), y0, method='RK45', rtol=rtol, atol=atol)
 *   accepted = len(r.t) - 1; rejected = (r.nfev - 2) / 6 - accepted
 *   h0 = scipy.integrate._ivp.common.select_initial_step(f, t0, y0, t1, inf, f(t0, y0), 1, 4, rtol, atol)
 */
import { describe, expect, test } from 'vitest';
import { integrateAdaptive } from './integrateAdaptive.js';
import type { Rhs } from './Rhs.js';
import { selectInitialStep } from './selectInitialStep.js';
import { tableaus } from './tableaus/index.js';

interface Case {
  readonly f: Rhs;
  readonly y0: number[];
  readonly t0: number;
  readonly t1: number;
  readonly rtol: number;
  readonly atol: number;
  readonly scipy: { readonly accepted: number; readonly rejected: number; readonly nfev: number; readonly h0: number; readonly yT: number[] };
}

const CASES: Record<string, Case> = {
  "decay y' = -y": {
    f: (_t, y, dy) => {
      dy[0] = -y[0]!;
    },
    y0: [1],
    t0: 0,
    t1: 10,
    rtol: 1e-6,
    atol: 1e-9,
    scipy: { accepted: 41, rejected: 0, nfev: 248, h0: 0.025123886079654528, yT: [4.5400222013949006e-5] },
  },
  'van der Pol, mu = 2': {
    f: (_t, y, dy) => {
      dy[0] = y[1]!;
      dy[1] = 2 * (1 - y[0]! ** 2) * y[1]! - y[0]!;
    },
    y0: [2, 0],
    t0: 0,
    t1: 20,
    rtol: 1e-6,
    atol: 1e-8,
    scipy: { accepted: 242, rejected: 57, nfev: 1796, h0: 0.0049751243781094535, yT: [-1.7283056602716151, 0.39788239281982846] },
  },
  'logistic and cos, from t0 = 1': {
    f: (t, y, dy) => {
      dy[0] = y[0]! * (1 - y[0]!);
      dy[1] = Math.cos(t) * y[1]!;
    },
    y0: [0.1, 1],
    t0: 1,
    t1: 11,
    rtol: 1e-7,
    atol: 1e-10,
    scipy: { accepted: 51, rejected: 9, nfev: 362, h0: 0.016847857552444112, yT: [0.9995915672656798, 0.15858554957782386] },
  },
};

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  test('same starting step as scipy select_initial_step', () => {
    const y0 = Float64Array.from(c.y0);
    const f0 = new Float64Array(y0.length);
    c.f(c.t0, y0, f0);
    const start = selectInitialStep({
      f: c.f,
      t0: c.t0,
      y0,
      f0,
      span: c.t1 - c.t0,
      errorOrder: 4,
      rtol: c.rtol,
      atol: new Float64Array(y0.length).fill(c.atol),
    });
    expect(start.rhsEvaluations).toBe(1);
    expect(start.h).toBeCloseTo(c.scipy.h0, 15);
    expect(Math.abs(start.h - c.scipy.h0)).toBeLessThanOrEqual(4 * Number.EPSILON * c.scipy.h0);
  });

  test('same accepted and rejected steps and f evaluations as scipy RK45; the same y(t1) to the tolerance', () => {
    const r = integrateAdaptive(tableaus.dopri5, c.f, c.t0, c.y0, c.t1, { rtol: c.rtol, atol: c.atol });
    expect([r.steps, r.rejected, r.rhsEvaluations]).toEqual([c.scipy.accepted, c.scipy.rejected, c.scipy.nfev]);
    r.y.forEach((y, i) => {
      expect(Math.abs(y - c.scipy.yT[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(y)));
    });
  });
});

/**
 * integrateAdaptive(dop853) is scipy's DOP853 step for step (Hairer's error norm of the 5th- and 3rd-order
 * estimates, controller exponent -1/8, starting step of order 7). Reference values: scipy 1.17.1,
 *   r = solve_ivp(f, (t0, t1), y0, method='DOP853', rtol=rtol, atol=atol)
 *   accepted = len(r.t) - 1; rejected = (r.nfev - 2) / 12 - accepted
 * y(t1) agrees to 1e-3 rtol: the sums of the stages run in another order (rounding, carried along the orbit).
 */
const DOP853_CASES: Record<string, Case> = {
  "decay y' = -y": { ...CASES["decay y' = -y"]!, scipy: { accepted: 12, rejected: 0, nfev: 146, h0: 0, yT: [4.539996655757045e-5] } },
  'van der Pol, mu = 2': {
    ...CASES['van der Pol, mu = 2']!,
    scipy: { accepted: 89, rejected: 30, nfev: 1430, h0: 0, yT: [-1.7283067652522182, 0.3978820232098885] },
  },
  'van der Pol, mu = 2, rtol 1e-11': {
    ...CASES['van der Pol, mu = 2']!,
    rtol: 1e-11,
    atol: 1e-13,
    scipy: { accepted: 344, rejected: 61, nfev: 4862, h0: 0, yT: [-1.7283079289463026, 0.3978815958065866] },
  },
  'logistic and cos, from t0 = 1': {
    ...CASES['logistic and cos, from t0 = 1']!,
    scipy: { accepted: 19, rejected: 7, nfev: 314, h0: 0, yT: [0.9995915675818603, 0.1585855553589253] },
  },
};

describe.each(Object.entries(DOP853_CASES))('dop853: %s', (_name, c) => {
  test('same accepted and rejected steps and f evaluations as scipy DOP853; the same y(t1) to 1e-3 rtol', () => {
    const r = integrateAdaptive(tableaus.dop853, c.f, c.t0, c.y0, c.t1, { rtol: c.rtol, atol: c.atol });
    expect([r.steps, r.rejected, r.rhsEvaluations]).toEqual([c.scipy.accepted, c.scipy.rejected, c.scipy.nfev]);
    r.y.forEach((y, i) => {
      expect(Math.abs(y - c.scipy.yT[i]!)).toBeLessThan(1e-3 * c.rtol * (1 + Math.abs(y)));
    });
  });

  test('dense output: 3 more evaluations per accepted step, the mesh values unchanged', () => {
    const plain = integrateAdaptive(tableaus.dop853, c.f, c.t0, c.y0, c.t1, { rtol: c.rtol, atol: c.atol });
    const dense = integrateAdaptive(tableaus.dop853, c.f, c.t0, c.y0, c.t1, { rtol: c.rtol, atol: c.atol, dense: true });
    expect(dense.rhsEvaluations).toBe(plain.rhsEvaluations + 3 * plain.steps);
    expect(Array.from(dense.dense!.evaluate(c.t1))).toEqual(Array.from(plain.y));
  });
});

test("dop853's 7th-order interpolant: inside the steps as accurate as at the mesh (y' = -y, rtol 1e-10)", () => {
  const r = integrateAdaptive(
    tableaus.dop853,
    (_t, y, dy) => {
      dy[0] = -y[0]!;
    },
    0,
    [1],
    10,
    { rtol: 1e-10, atol: 1e-14, dense: true },
  );
  const solution = r.dense!;
  const ts = solution.ts;
  const relErr = (t: number) => Math.abs(solution.evaluate(t)[0]! - Math.exp(-t)) / Math.exp(-t);
  const atMesh = Math.max(...Array.from(ts, relErr));
  let inside = 0;
  for (let i = 0; i + 1 < ts.length; i++) for (const q of [0.1, 0.37, 0.5, 0.81]) inside = Math.max(inside, relErr(ts[i]! + q * (ts[i + 1]! - ts[i]!)));
  expect(atMesh).toBeLessThan(1e-9);
  expect(inside).toBeLessThan(5 * atMesh); // a cubic Hermite interpolant on these steps (h ~ 1) errs by ~1e-3
});
