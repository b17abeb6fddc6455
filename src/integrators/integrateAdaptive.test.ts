import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { type KnownSolution, logisticAndCos, maxAbsDiff } from './_testing/knownSolutions.js';
import { solveError } from './_testing/solveError.js';
import { defineTableau } from './defineTableau.js';
import { type AdaptiveOptions, integrateAdaptive } from './integrateAdaptive.js';
import type { Rhs } from './Rhs.js';
import type { Tableau } from './Tableau.js';
import { tableaus } from './tableaus/index.js';

const T = 10;
const solve = (tab: Tableau, rtol: number, extra: Partial<AdaptiveOptions> = {}, p: KnownSolution = logisticAndCos) =>
  integrateAdaptive(tab, p.f, p.t0, p.y0, T, { rtol, atol: rtol * 1e-3, ...extra });

/** Largest error of the solution (dense when given) over the accepted mesh and at thetas inside each step, in units of rtol max|y|. */
function errorsInTolerances(tab: Tableau, rtol: number): { end: number; mesh: number; between: number } {
  const r = solve(tab, rtol, { dense: true });
  const dense = r.dense;
  if (dense === undefined) throw new Error('dense output missing');
  const ts = dense.ts;
  const scale = rtol * Math.E; // max |y| on [0, 10] is e (the exp(sin t) component)
  let mesh = 0;
  let between = 0;
  ts.forEach((t, i) => {
    mesh = Math.max(mesh, maxAbsDiff(dense.evaluate(t), logisticAndCos.exact(t)));
    const next = ts[i + 1];
    if (next === undefined) return;
    for (const theta of [0.2, 0.5, 0.8]) {
      const s = t + theta * (next - t);
      between = Math.max(between, maxAbsDiff(dense.evaluate(s), logisticAndCos.exact(s)));
    }
  });
  return { end: maxAbsDiff(r.y, logisticAndCos.exact(T)) / scale, mesh: mesh / scale, between: between / scale };
}

describe('integrateAdaptive(dopri5): accuracy', () => {
  test.each([1e-4, 1e-6, 1e-8, 1e-10])('rtol=%s: global error within 10 rtol max|y|, dense output within 20', (rtol) => {
    const e = errorsInTolerances(tableaus.dopri5, rtol);
    expect(e.end).toBeLessThan(10);
    expect(e.mesh).toBeLessThan(10);
    expect(e.between).toBeLessThan(20);
  });

  test('bs32 (cubic Hermite dense output) reaches its tolerance too', () => {
    const e = errorsInTolerances(tableaus.bs32, 1e-6);
    expect(Math.max(e.end, e.mesh, e.between)).toBeLessThan(20);
  });

  test("property: y' = lambda y, y(0) = y0 on [0, 2] is solved within 10 rtol max|y| for any lambda, y0, rtol", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 4, max: 10 }),
        (lambda, y0, digits) => {
          const rtol = 10 ** -digits;
          const r = integrateAdaptive(
            tableaus.dopri5,
            (_t, y, dy) => {
              dy[0] = lambda * (y[0] as number);
            },
            0,
            [y0],
            2,
            { rtol, atol: 0 },
          );
          const exact = y0 * Math.exp(2 * lambda);
          return Math.abs((r.y[0] as number) - exact) <= 10 * rtol * Math.max(y0, exact);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('work grows moderately as rtol tightens (about 100^(1/5) = 2.5x per two digits)', () => {
    const work = [1e-4, 1e-6, 1e-8, 1e-10].map((rtol) => solve(tableaus.dopri5, rtol).rhsEvaluations);
    work.slice(1).forEach((w, i) => {
      const ratio = w / (work[i] as number);
      expect(ratio).toBeGreaterThan(1.2);
      expect(ratio).toBeLessThan(4);
    });
  });
});

describe('integrateAdaptive: bookkeeping', () => {
  test('lands exactly on t1; the dense mesh is the accepted mesh and is exact there (bitwise)', () => {
    const seen: [number, number[]][] = [];
    const r = solve(tableaus.dopri5, 1e-6, { dense: true, onStep: (t, y) => seen.push([t, Array.from(y)]) });
    const ts = r.dense?.ts ?? new Float64Array();
    expect(r.t1).toBe(T);
    expect(ts[0]).toBe(0);
    expect(ts.at(-1)).toBe(T);
    expect(r.dense?.tMax).toBe(T);
    expect(seen.map(([t]) => t)).toEqual(Array.from(ts.slice(1)));
    for (const [t, y] of seen) expect(Array.from(r.dense?.evaluate(t) ?? [])).toEqual(y);
    expect(Array.from(r.y)).toEqual(seen.at(-1)?.[1]);
    expect(r.steps).toBe(seen.length);
  });

  test.each([
    ['dopri5 (FSAL, 6 evaluations per attempt)', tableaus.dopri5, (a: number) => 2 + 6 * a],
    ['bs32 (FSAL, 3 evaluations per attempt)', tableaus.bs32, (a: number) => 2 + 3 * a],
  ])('%s: f(t0), one for the starting step, then s - 1 per attempt', (_what, tab, expected) => {
    const r = solve(tab, 1e-7);
    expect(r.rejected).toBeGreaterThan(0);
    expect(r.rhsEvaluations).toBe(expected(r.steps + r.rejected));
    const given = solve(tab, 1e-7, { h0: 1e-3 }); // no starting-step selection
    expect(given.rhsEvaluations).toBe(expected(given.steps + given.rejected) - 1);
  });

  test('an embedded pair without dense coefficients (non-FSAL Heun-Euler 2(1)) gets a Hermite dense output', () => {
    const heunEuler = defineTableau({ ...tableaus.heun, name: 'heunEuler', bHat: ['1', '0'], embeddedOrder: 1, reference: 'test' });
    const r = solve(heunEuler, 1e-5, { dense: true });
    expect(r.rhsEvaluations).toBe(2 + (r.steps + r.rejected) + r.steps); // f at each accepted point
    for (const t of [0.3, 2.71, 7.5, 9.99]) expect(maxAbsDiff(r.dense?.evaluate(t) ?? new Float64Array(2), logisticAndCos.exact(t))).toBeLessThan(50 * 1e-5);
  });

  test('atol = 0 with a component starting at 0 (zero error scale) still solves', () => {
    const r = integrateAdaptive(
      tableaus.dopri5,
      (t, _y, dy) => {
        dy[0] = Math.cos(t);
      },
      0,
      [0],
      3,
      { rtol: 1e-8, atol: 0 },
    );
    expect(Math.abs((r.y[0] as number) - Math.sin(3))).toBeLessThan(1e-8);
  });

  test('t1 = t0 returns a copy of y0 without calling f, and a one-point dense solution', () => {
    const y0 = Float64Array.of(1, 2);
    const r = integrateAdaptive(tableaus.dopri5, () => expect.fail('f called'), 1, y0, 1, { rtol: 1e-6, atol: 0, dense: true });
    expect(r).toMatchObject({ t1: 1, steps: 0, rejected: 0, rhsEvaluations: 0 });
    expect(r.y).toEqual(y0);
    expect(r.y).not.toBe(y0);
    expect(Array.from(r.dense?.evaluate(1) ?? [])).toEqual([1, 2]);
  });

  test('dense.evaluate rejects t outside [tMin, tMax] and an out array of the wrong length', () => {
    const dense = solve(tableaus.dopri5, 1e-6, { dense: true }).dense;
    expect(() => dense?.evaluate(-1e-9)).toThrow(NtkInputError);
    expect(() => dense?.evaluate(T + 1e-9)).toThrow(/must be in \[0, 10\]/);
    expect(() => dense?.evaluate(1, new Float64Array(3))).toThrow(/out=Float64Array\(length 3\)/);
  });
});

describe('integrateAdaptive: failures', () => {
  test('a rhs that turns NaN for t > 0.5 throws non-finite at t <= 0.5', () => {
    const f: Rhs = (t, y, dy) => {
      dy[0] = t > 0.5 ? Number.NaN : -(y[0] as number);
    };
    const e = solveError(() => integrateAdaptive(tableaus.dopri5, f, 0, [1], 1, { rtol: 1e-6, atol: 1e-9 }));
    expect(e.reason).toBe('non-finite');
    expect(e.t).toBeLessThanOrEqual(0.5);
  });

  test('a non-finite f(t0, y0) throws non-finite at t0', () => {
    const e = solveError(() =>
      integrateAdaptive(
        tableaus.dopri5,
        (_t, _y, dy) => {
          dy[0] = Infinity;
        },
        2,
        [1],
        3,
        { rtol: 1e-6, atol: 0 },
      ),
    );
    expect(e).toMatchObject({ reason: 'non-finite', t: 2, steps: 0 });
  });

  test('maxSteps: 3 throws step-budget', () => {
    const e = solveError(() => solve(tableaus.dopri5, 1e-8, { maxSteps: 3 }));
    expect(e.reason).toBe('step-budget');
    expect(e.steps).toBeLessThanOrEqual(3);
  });

  test("a blow-up (y' = y^2, y(0) = 1, singular at t = 1) throws step-underflow just before t = 1", () => {
    const e = solveError(() =>
      integrateAdaptive(
        tableaus.dopri5,
        (_t, y, dy) => {
          dy[0] = (y[0] as number) ** 2;
        },
        0,
        [1],
        2,
        { rtol: 1e-6, atol: 1e-6 },
      ),
    );
    expect(e.reason).toBe('step-underflow');
    expect(Math.abs(e.t - 1)).toBeLessThan(1e-6);
  });

  const f = logisticAndCos.f;
  const base = { rtol: 1e-6, atol: 1e-9 };
  test.each<[string, () => unknown, string]>([
    ['a tableau without bHat', () => integrateAdaptive(tableaus.rk4, f, 0, [0, 1], 1, base), 'tableau'],
    ['rtol = 0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, rtol: 0 }), 'options.rtol'],
    ['rtol = 1', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, rtol: 1 }), 'options.rtol'],
    ['atol < 0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, atol: -1e-9 }), 'options.atol'],
    ['atol[1] < 0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, atol: Float64Array.of(0, -1) }), 'options.atol[1]'],
    ['atol of the wrong length', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, atol: [0] }), 'options.atol'],
    ['t1 < t0', () => integrateAdaptive(tableaus.dopri5, f, 1, [0, 1], 0, base), 't1'],
    ['NaN in y0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, Number.NaN], 1, base), 'y0[1]'],
    ['an empty y0', () => integrateAdaptive(tableaus.dopri5, f, 0, [], 1, base), 'y0'],
    ['maxSteps = 0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, maxSteps: 0 }), 'options.maxSteps'],
    ['h0 = 0', () => integrateAdaptive(tableaus.dopri5, f, 0, [0, 1], 1, { ...base, h0: 0 }), 'options.h0'],
  ])('rejects %s with NtkInputError', (_what, call, parameter) => {
    expect(call).toThrow(expect.objectContaining({ name: 'NtkInputError', parameter }));
  });
});

describe('integrateAdaptive: stiffness detection (Hairer)', () => {
  // y' = -1000 (y - cos t): stiff once the transient has died, dopri5 then crawls at h ~ 3.3e-3
  const stiff: Rhs = (t, y, dy) => {
    dy[0] = -1000 * ((y[0] as number) - Math.cos(t));
  };
  test('stops early on a stiff problem, with t1 the time reached and a dense output up to it', () => {
    const r = integrateAdaptive(tableaus.dopri5, stiff, 0, [0], 10, { rtol: 1e-6, atol: 1e-9, dense: true, stiffness: {} });
    expect(r.stoppedStiff).toBe(true);
    expect(r.t1).toBeLessThan(1);
    expect(r.steps).toBeGreaterThanOrEqual(15);
    expect(r.dense!.tMax).toBe(r.t1);
    expect(Math.abs(r.y[0]! - Math.cos(r.t1))).toBeLessThan(1e-3);
  });
  test('does not stop on a non-stiff problem, nor when little of the interval remains', () => {
    expect(
      integrateAdaptive(
        tableaus.dopri5,
        (_t, y, dy) => {
          dy[0] = -(y[0] as number);
        },
        0,
        [1],
        10,
        { rtol: 1e-8, atol: 0, stiffness: {} },
      ).stoppedStiff,
    ).toBeUndefined();
    expect(integrateAdaptive(tableaus.dopri5, stiff, 0, [0], 0.05, { rtol: 1e-6, atol: 1e-9, stiffness: {} }).stoppedStiff).toBeUndefined();
  });
  test('needs an FSAL tableau whose last two nodes are 1', () => {
    expect(() => integrateAdaptive(tableaus.bs32, stiff, 0, [0], 1, { rtol: 1e-6, atol: 1e-9, stiffness: {} })).toThrow(NtkInputError);
  });
});

describe('integrateAdaptive: the starting step of a zero initial state (option `scale`)', () => {
  // y' = c - y from y0 = 0 (a displacement growing to |c|): y(t) = c (1 - e^(-t))
  const c = [3, -1, 2];
  const f: Rhs = (_t, y, dy) => {
    for (let i = 0; i < 3; i++) dy[i] = c[i]! - y[i]!;
  };
  const exact = Float64Array.from(c, (ci) => ci * -Math.expm1(-20));
  const relax = (scale?: number) =>
    integrateAdaptive(tableaus.dopri5, f, 0, [0, 0, 0], 20, { rtol: 1e-8, atol: 1e-8, ...(scale === undefined ? {} : { scale }) });

  test('S = |c| starts near the error-based step: fewer evaluations than from 100 x 1e-6, and as accurate', () => {
    const hairer = relax();
    const scaled = relax(Math.hypot(...c));
    expect(scaled.rhsEvaluations).toBeLessThanOrEqual(hairer.rhsEvaluations - 12); // at least two steps saved
    expect(maxAbsDiff(scaled.y, exact)).toBeLessThan(1e-7);
    expect(maxAbsDiff(scaled.y, exact)).toBeLessThan(2 * maxAbsDiff(hairer.y, exact) + 1e-9);
  });

  test('a scale that is not a positive number is bad input', () => {
    expect(() => relax(0)).toThrow(NtkInputError);
    expect(() => relax(Number.NaN)).toThrow(/options\.scale/);
  });
});
