/** integrateExponential: what its documentation promises beyond accuracy (arguments, counts, failures, re-linearization). */
import { describe, expect, test } from 'vitest';
import { exponentialMethods } from './exponentialMethods/index.js';
import { type ExponentialOptions, type ExponentialProblem, integrateExponential } from './integrateExponential.js';
import { solveError } from './_testing/solveError.js';
import { N, R, tanhGramFlow as flow, y0 } from './_testing/tanhGramFlow.js';

const zb43 = exponentialMethods.zb43;

const base: ExponentialOptions = { rtol: 1e-6, atol: 1e-9 };

describe('arguments', () => {
  test('each is named, with its requirement', () => {
    const p = flow(0);
    const run =
      (options: Partial<ExponentialOptions>, t0 = 0, t1 = 1, y: Float64Array | number[] = y0, problem: ExponentialProblem = p) =>
      () =>
        integrateExponential(zb43, problem, t0, y, t1, { ...base, ...options });
    expect(run({}, Number.NaN)).toThrow('t0=NaN must be a finite number');
    expect(run({}, 0, Infinity)).toThrow('t1=Infinity must be a finite number');
    expect(run({}, 2, 1)).toThrow('t1=1 must be >= t0=2');
    expect(run({}, 0, 1, [])).toThrow('y0=array(length 0) must be a non-empty array');
    expect(run({}, 0, 1, y0, { ...p, rows: 0 })).toThrow('problem.rows=0 must be an integer in [1, 1048576]');
    expect(run({}, 0, 1, y0, { ...p, rows: 2 ** 20 + 1 })).toThrow('problem.rows=1048577 must be an integer in [1, 1048576]');
    expect(run({ rtol: Number.NaN })).toThrow('options.rtol=NaN must be a finite number');
    expect(run({ rtol: 0 })).toThrow('options.rtol=0 must be a number in (0, 1)');
    expect(run({ rtol: 1 })).toThrow('options.rtol=1 must be a number in (0, 1)');
    expect(run({ atol: -1 })).toThrow('options.atol=-1 must be a finite number >= 0');
    expect(run({ atol: [1e-9, 1e-9] })).toThrow('options.atol=array(length 2) must be an array of length 3');
    expect(run({ atol: [1e-9, 1e-9, -1] })).toThrow('options.atol[2]=-1 must be a finite number >= 0');
    expect(run({ maxSteps: 0 })).toThrow('options.maxSteps=0 must be an integer in [1, 1000000000]');
    expect(run({ maxSteps: 1.5 })).toThrow('options.maxSteps=1.5 must be an integer in [1, 1000000000]');
    expect(run({ h0: 0 })).toThrow('options.h0=0 must be a finite number > 0');
    expect(run({ relinearizeAt: 0 })).toThrow('options.relinearizeAt=0 must be a finite number > 0');
    expect(run({ relinearizeDrift: -1 })).toThrow('options.relinearizeDrift=-1 must be a finite number >= 0');
    expect(run({ relinearizeDrift: Infinity })).not.toThrow();
    expect(run({ relinearizeDrift: 0 })).not.toThrow();
  });

  test('per-component atol is the same control as one number repeated', () => {
    const one = integrateExponential(zb43, flow(0.3), 0, y0, 5, { rtol: 1e-6, atol: 1e-7 });
    const each = integrateExponential(zb43, flow(0.3), 0, y0, 5, { rtol: 1e-6, atol: [1e-7, 1e-7, 1e-7] });
    expect([each.steps, each.rejected]).toEqual([one.steps, one.rejected]);
    expect(Array.from(each.y)).toEqual(Array.from(one.y));
  });

  test('the input y0 is copied, never written', () => {
    const start = Array.from(y0);
    integrateExponential(zb43, flow(0.3), 0, y0, 5, base);
    expect(Array.from(y0)).toEqual(start);
  });
});

describe('counts and the empty interval', () => {
  test('rhsEvaluations counts every call of f; linearizations every call of linearize', () => {
    const p = flow(0.5);
    const r = integrateExponential(zb43, p, 0, y0, 30, base);
    expect(r.rhsEvaluations).toBe(p.counts.f);
    expect(r.linearizations).toBe(p.counts.linearize);
    expect(r.linearizations).toBeGreaterThan(1);
    // stages (s - 1 per attempt), one f at each accepted state, and the first derivative plus the starting-step probe
    expect(r.rhsEvaluations).toBe(2 + (r.steps + r.rejected) * (zb43.c.length - 1) + r.steps);
  });

  test('a given h0 skips the starting-step probe: one evaluation fewer', () => {
    const p = flow(0);
    const r = integrateExponential(zb43, p, 0, y0, 1, { ...base, h0: 0.25 });
    expect(r.rhsEvaluations).toBe(1 + (r.steps + r.rejected) * (zb43.c.length - 1) + r.steps);
    expect(p.counts.f).toBe(r.rhsEvaluations);
    // exact for this linear flow (error 0): the first step is h0, the next one (10 h0) lands on t1
    expect([r.steps, r.rejected]).toEqual([2, 0]);
  });

  test('a step that would end within 1% before t1 is stretched to t1', () => {
    // t0 + 1.01 h0 = t1 exactly: one step, not a step of h0 and a sliver of 0.01 h0
    const r = integrateExponential(zb43, flow(0), 0, y0, 1.01, { ...base, h0: 1 });
    expect([r.t1, r.steps, r.rejected]).toEqual([1.01, 1, 0]);
  });

  test('a linear flow with constant forcing is exact in one step of h0 = t1 - t0 (maxSteps 1 is enough)', () => {
    const r = integrateExponential(zb43, flow(0), 0, y0, 3, { ...base, h0: 3, maxSteps: 1 });
    expect([r.t1, r.steps, r.rejected]).toEqual([3, 1, 0]);
    const clipped = integrateExponential(zb43, flow(0), 0, y0, 3, { ...base, h0: 300, maxSteps: 1 });
    expect(Array.from(clipped.y)).toEqual(Array.from(r.y));
  });

  test('t1 = t0: y0, no evaluation, no linearization; dense output exactly when asked for', () => {
    const p = flow(0.5);
    const r = integrateExponential(zb43, p, 2, y0, 2, { ...base, dense: true });
    expect([r.t1, r.steps, r.rejected, r.rhsEvaluations, r.linearizations]).toEqual([2, 0, 0, 0, 0]);
    expect([p.counts.f, p.counts.linearize]).toEqual([0, 0]);
    expect(Array.from(r.y)).toEqual(Array.from(y0));
    expect(r.y).not.toBe(y0);
    expect(Array.from(r.dense!.evaluate(2))).toEqual(Array.from(y0));
    expect('dense' in integrateExponential(zb43, flow(0.5), 2, y0, 2, base)).toBe(false);
    expect('dense' in integrateExponential(zb43, flow(0.5), 0, y0, 1, base)).toBe(false);
    expect('dense' in integrateExponential(zb43, flow(0.5), 0, y0, 1, { ...base, dense: false })).toBe(false);
    const dense = integrateExponential(zb43, flow(0.5), 0, y0, 1, { ...base, dense: true }).dense!;
    expect([dense.tMin, dense.tMax]).toEqual([0, 1]);
  });

  test('the end time is reached exactly and reported', () => {
    const r = integrateExponential(zb43, flow(0.5), 0.1, y0, 7.3, { ...base, dense: true });
    expect(r.t1).toBe(7.3);
    expect(r.dense!.tMax).toBe(7.3);
    expect(Array.from(r.dense!.evaluate(7.3))).toEqual(Array.from(r.y));
  });
});

describe('re-linearization', () => {
  test('never at the end time (nothing is left to integrate)', () => {
    const p = flow(0.8);
    integrateExponential(zb43, p, 0, y0, 1e4, base);
    expect(p.counts.linearizeAt.length).toBeGreaterThan(2);
    expect(p.counts.linearizeAt[0]).toBe(0);
    expect(Math.max(...p.counts.linearizeAt)).toBeLessThan(1e4);
  });

  /** A start close to 0, so the state drifts far from each linearization point relative to its size. */
  const small = Float64Array.from(y0, (v) => 0.1 * v);

  test('relinearizeDrift 0: after every accepted step but the last (no remainder test, no double rejection)', () => {
    const r = integrateExponential(zb43, flow(0.3), 0, small, 1e3, { ...base, relinearizeAt: 1e300, relinearizeDrift: 0 });
    expect(r.rejected).toBeLessThan(2);
    expect(r.linearizations).toBe(r.steps);
  });

  test('no drift at rest: a state at equilibrium (f = 0 exactly) is never re-linearized, even with relinearizeDrift 0', () => {
    // y' = -B^T B y, B = [[1, 0, 0], [0, 1, 0]], from y = (0, 0, 0.3) in the null space of B: f = 0, y never moves
    let linearizations = 0;
    const rest: ExponentialProblem = {
      rows: 2,
      f: (_t, y, dy) => {
        dy.fill(0);
        dy[0] = -y[0]!;
        dy[1] = -y[1]!;
      },
      linearize: () => {
        linearizations += 1;
        return Float64Array.of(1, 0, 0, 0, 1, 0);
      },
    };
    const r = integrateExponential(zb43, rest, 0, [0, 0, 0.3], 100, { ...base, relinearizeAt: 1e300, relinearizeDrift: 0 });
    expect(Array.from(r.y)).toEqual([0, 0, 0.3]);
    expect(r.steps).toBeGreaterThan(1);
    expect(linearizations).toBe(1);
  });

  test('drift only: a larger fraction re-linearizes less often; Infinity only after double rejections', () => {
    const counts = [0.1, 0.5, 2, Infinity].map((relinearizeDrift) => {
      const r = integrateExponential(zb43, flow(0.3), 0, small, 1e3, { ...base, relinearizeAt: 1e300, relinearizeDrift });
      return { linearizations: r.linearizations, rejected: r.rejected };
    });
    for (let k = 1; k < counts.length; k++) expect(counts[k]!.linearizations).toBeLessThan(counts[k - 1]!.linearizations);
    expect(counts[3]!.linearizations).toBeLessThanOrEqual(1 + Math.floor(counts[3]!.rejected / 2));
  });

  test('drift of the state origin + y: the same displacements, far from a large origin, re-linearize less; origin 0 is the default bitwise', () => {
    const run = (origin?: Float64Array) =>
      integrateExponential(zb43, { ...flow(0.3), ...(origin ? { origin } : {}) }, 0, small, 1e3, { ...base, relinearizeAt: 1e300, relinearizeDrift: 0.5 });
    const plain = run();
    const zero = run(new Float64Array(N));
    expect(zero.linearizations).toBe(plain.linearizations);
    expect(Array.from(zero.y)).toEqual(Array.from(plain.y));
    const far = run(new Float64Array(N).fill(100));
    expect(plain.linearizations).toBeGreaterThan(2);
    expect(far.linearizations).toBeLessThan(plain.linearizations);
    expect(() => run(new Float64Array(N + 1))).toThrow('problem.origin=Float64Array(length 4) must be an array of length 3');
  });

  test('remainder only: at every other accepted step when relinearizeAt is tiny, never when it is huge', () => {
    const off = { relinearizeDrift: Infinity };
    const every = integrateExponential(zb43, flow(0.3), 0, small, 1e3, { ...base, ...off, relinearizeAt: 1e-300 });
    expect(every.rejected).toBeLessThan(2);
    // after accepted steps 2, 4, 6, ... (two since the last linearization), never after the last one
    expect(every.linearizations).toBe(1 + Math.floor((every.steps - 1) / 2));
    const some = integrateExponential(zb43, flow(0.3), 0, small, 1e3, { ...base, ...off, relinearizeAt: 1e-3 });
    const never = integrateExponential(zb43, flow(0.3), 0, small, 1e3, { ...base, ...off, relinearizeAt: 1e300 });
    expect(some.linearizations).toBeGreaterThan(never.linearizations);
    expect(never.linearizations).toBeLessThanOrEqual(1 + Math.floor(never.rejected / 2));
  });
  test('two rejections in a row re-linearize once at the same state (and only once per run of rejections)', () => {
    // h0 far too large: the first attempts at t0 are rejected until the step has shrunk (by at most 5x each time).
    const p = flow(0.8);
    const r = integrateExponential(zb43, p, 0, small, 1e3, { ...base, relinearizeAt: 1e300, relinearizeDrift: Infinity, h0: 100 });
    expect(r.rejected).toBeGreaterThan(2);
    expect(p.counts.linearizeAt).toEqual([0, 0]);
  });
});

describe('failures', () => {
  test('a budget of step attempts: exactly enough succeeds, one fewer fails with the counts in the message', () => {
    const full = integrateExponential(zb43, flow(0.8), 0, y0, 50, base);
    const attempts = full.steps + full.rejected;
    expect(integrateExponential(zb43, flow(0.8), 0, y0, 50, { ...base, maxSteps: attempts }).steps).toBe(full.steps);
    const e = solveError(() => integrateExponential(zb43, flow(0.8), 0, y0, 50, { ...base, maxSteps: attempts - 1 }));
    expect(e.reason).toBe('step-budget');
    expect(e.message).toContain(`more than options.maxSteps=${attempts - 1} step attempts`);
    expect(e.steps).toBeLessThanOrEqual(full.steps);
  });

  test('f not finite at y0: non-finite at t0, before any step', () => {
    const p: ExponentialProblem = { ...flow(0), f: (_t, _y, dy) => void dy.fill(Number.NaN) };
    const e = solveError(() => integrateExponential(zb43, p, 0.5, y0, 1, base));
    expect([e.reason, e.t, e.steps]).toEqual(['non-finite', 0.5, 0]);
    expect(e.message).toContain('f(t0, y0) is not finite');
  });

  test('a linearization of the wrong size or with a non-finite entry is refused', () => {
    const wrongSize = { ...flow(0), linearize: () => new Float64Array(R * N - 1) };
    const e = solveError(() => integrateExponential(zb43, wrongSize, 0, y0, 1, base));
    expect(e.reason).toBe('non-finite');
    expect(e.message).toContain('linearize(t, y) must return 2 x 3 finite entries');
    const nan = { ...flow(0), linearize: () => Float64Array.of(1, 0, 0, 0, 1, Number.NaN) };
    expect(solveError(() => integrateExponential(zb43, nan, 0, y0, 1, base)).message).toContain('linearize(t, y) must return');
  });

  test('a non-finite stage stops the solve where it happened', () => {
    // f is finite at y0 but not once y_0 has moved past 0.3
    const inner = flow(0);
    const p: ExponentialProblem = { ...inner, f: (t, y, dy) => (y[0]! > 0.3 ? void dy.fill(Number.POSITIVE_INFINITY) : inner.f(t, y, dy)) };
    const e = solveError(() => integrateExponential(zb43, p, 0, y0, 10, base));
    expect(e.reason).toBe('non-finite');
    expect(e.t).toBeGreaterThan(0);
    expect(e.t).toBeLessThan(10);
  });

  test('a step that falls below 10 ulp of t is a step underflow, not an endless loop', () => {
    // y' = -y + 1e300 (t - 1)^(-2)-like blow-up: a singular forcing at t = 1 forces steps down to rounding
    const p: ExponentialProblem = {
      rows: 1,
      f: (t, y, dy) => {
        dy[0] = -y[0]! + 1 / Math.sqrt(Math.abs(1 - t));
      },
      linearize: () => Float64Array.of(1),
    };
    const e = solveError(() => integrateExponential(zb43, p, 0, [0], 2, { rtol: 1e-10, atol: 1e-12 }));
    expect(e.reason).toBe('step-underflow');
    expect(e.message).toMatch(/step h=.* below 10 ulp of t/);
    expect(e.t).toBeLessThan(1);
    expect(e.t).toBeGreaterThan(0.99);
  });

  test('a state that overflows with finite stages is non-finite at once (the error estimate alone would pass it)', () => {
    // y' = 1e300 from y0 = 1.79e308 with a zero linear part: every stage derivative is 1e300 and the error estimate
    // stays finite (about 0), but y leaves the double range after t ~ 7.7e5
    const p: ExponentialProblem = {
      rows: 1,
      f: (_t, _y, dy) => {
        dy[0] = 1e300;
      },
      linearize: () => Float64Array.of(0),
    };
    const e = solveError(() => integrateExponential(zb43, p, 0, [1.79e308], 1e10, base));
    expect(e.reason).toBe('non-finite');
    expect(e.message).toContain('non-finite stage or state in a step of size h=');
    // it stops at the step that overflowed, from a finite state y(e.t) (not one step later, from Infinity)
    expect(1.79e308 + 1e300 * e.t).toBeLessThan(Number.MAX_VALUE);
  });

  test('an interval shorter than 10 ulp is one step to t1, whatever h0 (no step below the resolution of t)', () => {
    for (const [t0, t1] of [
      [1, 1 + 5 * Number.EPSILON],
      [-1, -1 + 4 * Number.EPSILON],
    ] as const) {
      const r = integrateExponential(zb43, flow(0.5), t0, y0, t1, { ...base, h0: 1e-17, maxSteps: 10 });
      expect([r.t1, r.steps, r.rejected]).toEqual([t1, 1, 0]);
    }
  });

  test('an interval at negative times: the span is t1 - t0 (default start and a given h0)', () => {
    const ref = integrateExponential(zb43, flow(0.5), 0, y0, 2, base).y;
    for (const options of [base, { ...base, h0: 0.25 }]) {
      const r = integrateExponential(zb43, flow(0.5), -3, y0, -1, options);
      expect(r.t1).toBe(-1);
      for (let j = 0; j < N; j++) expect(r.y[j]!).toBeCloseTo(ref[j]!, 5);
    }
  });
});
