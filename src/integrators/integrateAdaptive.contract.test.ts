/** integrateAdaptive: what its documentation promises beyond accuracy (the arguments, the budget, dense output, stiffness). */
import { describe, expect, test } from 'vitest';
import { defineTableau } from './defineTableau.js';
import { integrateAdaptive } from './integrateAdaptive.js';
import type { Rhs } from './Rhs.js';
import type { Tableau } from './Tableau.js';
import { tableaus } from './tableaus/index.js';
import { heunEuler } from './_testing/heunEuler.js';
import { solveError } from './_testing/solveError.js';

const decay: Rhs = (_t, y, dy) => {
  dy[0] = -y[0]!;
};
const vdp: Rhs = (_t, y, dy) => {
  dy[0] = y[1]!;
  dy[1] = 2 * (1 - y[0]! ** 2) * y[1]!;
  dy[1] -= y[0]!;
};
const base = { rtol: 1e-6, atol: 1e-9 };

describe('arguments', () => {
  test('each is named, with its requirement', () => {
    const d5 = tableaus.dopri5;
    expect(() => integrateAdaptive(d5, decay, Number.NaN, [1], 1, base)).toThrow('t0=NaN must be a finite number');
    expect(() => integrateAdaptive(d5, decay, 0, [1], Infinity, base)).toThrow('t1=Infinity must be a finite number');
    expect(() => integrateAdaptive(d5, decay, 2, [1], 1, base)).toThrow('t1=1 must be >= t0=2');
    expect(() => integrateAdaptive(d5, decay, 0, [1], 1, { ...base, rtol: Number.NaN })).toThrow('options.rtol=NaN must be a finite number');
    expect(() => integrateAdaptive(d5, decay, 0, [1], 1, { ...base, rtol: 1 })).toThrow('options.rtol=1 must be a number in (0, 1)');
    expect(() => integrateAdaptive(d5, decay, 0, [1], 1, { ...base, stiffness: { limit: 0 } })).toThrow('options.stiffness.limit=0');
    expect(() => integrateAdaptive(d5, decay, 0, [1], 1, { ...base, stiffness: { steps: 0 } })).toThrow('options.stiffness.steps=0');
  });

  test('an embedded pair needs both bHat and its order', () => {
    const { embeddedOrder: _order, ...withoutOrder } = tableaus.dopri5;
    expect(() => integrateAdaptive(withoutOrder as Tableau, decay, 0, [1], 1, base)).toThrow('must be an embedded pair (a tableau with bHat)');
    const { bHat: _bHat, ...withoutBHat } = tableaus.dopri5;
    expect(() => integrateAdaptive(withoutBHat as Tableau, decay, 0, [1], 1, base)).toThrow(/tableau="dopri5"/);
  });

  test('stiffness detection needs an FSAL pair whose last two nodes are 1', () => {
    const unsupported = /options\.stiffness=.* must be unsupported by tableau .* \(needs FSAL with the last two nodes at 1\)/;
    expect(() => integrateAdaptive(tableaus.bs32, decay, 0, [1], 1, { ...base, stiffness: {} })).toThrow(unsupported); // nodes 3/4, 1
    expect(() => integrateAdaptive({ ...tableaus.dopri5, fsal: false }, decay, 0, [1], 1, { ...base, stiffness: {} })).toThrow(unsupported);
    const c = [...tableaus.dopri5.c];
    c[c.length - 1] = '9/10';
    expect(() => integrateAdaptive({ ...tableaus.dopri5, c }, decay, 0, [1], 1, { ...base, stiffness: {} })).toThrow(unsupported);
  });
});

describe('steps', () => {
  test('maxSteps counts every attempt, accepted or rejected: exactly enough succeeds, one fewer fails', () => {
    const full = integrateAdaptive(tableaus.dopri5, vdp, 0, [2, 0], 20, base);
    expect(full.rejected).toBeGreaterThan(0);
    const attempts = full.steps + full.rejected;
    expect(integrateAdaptive(tableaus.dopri5, vdp, 0, [2, 0], 20, { ...base, maxSteps: attempts }).steps).toBe(full.steps);
    const e = solveError(() => integrateAdaptive(tableaus.dopri5, vdp, 0, [2, 0], 20, { ...base, maxSteps: attempts - 1 }));
    expect(e.reason).toBe('step-budget');
  });

  test('a given h0 is the first trial step', () => {
    const times: number[] = [];
    integrateAdaptive(tableaus.dopri5, decay, 1, [1], 2, { ...base, h0: 1e-3, onStep: (t) => times.push(t) });
    expect(times[0]).toBe(1 + 1e-3);
  });

  test('an interval shorter than 10 ulp is one step to t1, not a step underflow', () => {
    const t1 = 1 + 4 * Number.EPSILON;
    const r = integrateAdaptive(tableaus.dopri5, decay, 1, [1], t1, base);
    expect([r.t1, r.steps]).toEqual([t1, 1]);
    expect(r.y[0]).toBeCloseTo(1, 14);
  });

  test('a state that overflows with finite stages is non-finite at once (the error estimate alone would pass it)', () => {
    // y' = 1e300: every stage equals 1e300, so the error estimate is 0, but y passes the double range near t = 1.8e8.
    const e = solveError(() =>
      integrateAdaptive(
        tableaus.dopri5,
        (_t, _y, dy) => {
          dy[0] = 1e300;
        },
        0,
        [0],
        1e10,
        base,
      ),
    );
    expect(e.reason).toBe('non-finite');
    expect(e.t).toBeLessThan(1e9);
  });

  test('dense output exactly when asked for', () => {
    expect('dense' in integrateAdaptive(tableaus.dopri5, decay, 0, [1], 1, base)).toBe(false);
    expect('dense' in integrateAdaptive(tableaus.dopri5, decay, 0, [1], 1, { ...base, dense: false })).toBe(false);
    expect(integrateAdaptive(tableaus.dopri5, decay, 0, [1], 1, { ...base, dense: true }).dense?.tMax).toBe(1);
  });

  test('a pair without dense coefficients gets the cubic Hermite interpolant', () => {
    const heunEulerPair = defineTableau(heunEuler);
    const r = integrateAdaptive(heunEulerPair, decay, 0, [1], 2, { rtol: 1e-8, atol: 1e-10, dense: true });
    const ts = r.dense!.ts;
    for (let i = 1; i < ts.length; i += Math.max(1, Math.floor(ts.length / 10))) {
      const t = 0.5 * (ts[i - 1]! + ts[i]!);
      expect(Math.abs(r.dense!.evaluate(t)[0]! - Math.exp(-t))).toBeLessThan(1e-6);
    }
  });
});

describe("stiffness detection (Hairer): the documented rule, replayed on y' = -lambda y", () => {
  // For a linear f the estimate |k_s - k_(s-1)| / |y_new - Y_(s-1)| is lambda exactly, so h rho = lambda h per step.
  const lambda = 1000;
  const stiff: Rhs = (_t, y, dy) => {
    dy[0] = -lambda * y[0]!;
  };

  /** Where the rule of the documentation stops: `steps` consecutive h rho > limit (reset after 6 below) with enough left. */
  function expectedStop(times: number[], t0: number, t1: number, limit: number, steps: number): number | undefined {
    let stiffCount = 0;
    let nonStiff = 0;
    let t = t0;
    for (const tNew of times) {
      const hRho = (tNew - t) * lambda;
      const h = tNew - t;
      t = tNew;
      if (t >= t1) return undefined;
      if (hRho > limit) {
        nonStiff = 0;
        stiffCount += 1;
        if (stiffCount >= steps && ((t1 - t) * hRho) / h > limit * steps) return t;
      } else if (++nonStiff >= 6) stiffCount = 0;
    }
    return undefined;
  }

  for (const [limit, steps] of [
    [2.5, 15],
    [2.5, 4],
    [1.5, 30],
  ] as const) {
    test(`limit ${limit}, ${steps} steps`, () => {
      const times: number[] = [];
      const r = integrateAdaptive(tableaus.dopri5, stiff, 0, [1], 10, { rtol: 1e-6, atol: 1e-12, stiffness: { limit, steps }, onStep: (t) => times.push(t) });
      expect(r.stoppedStiff).toBe(true);
      expect(r.t1).toBe(expectedStop(times, 0, 10, limit, steps));
      expect(r.t1).toBe(times.at(-1));
      expect(r.steps).toBe(times.length);
    });
  }

  test('no stop when the rest of the interval is shorter than the detection took', () => {
    const r = integrateAdaptive(tableaus.dopri5, stiff, 0, [1], 0.05, { rtol: 1e-6, atol: 1e-12, stiffness: {} });
    expect(r.stoppedStiff).toBeUndefined();
    expect(r.t1).toBe(0.05);
  });
});
