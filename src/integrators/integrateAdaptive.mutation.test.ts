/** integrateAdaptive: failure reasons and messages, negative times, landing rules (survivors of the mutation run). */
import { describe, expect, test } from 'vitest';
import { defineTableau } from './defineTableau.js';
import { integrateAdaptive } from './integrateAdaptive.js';
import { integrateFixed } from './integrateFixed.js';
import type { Rhs } from './Rhs.js';
import { tableaus } from './tableaus/index.js';
import { heunEuler } from './_testing/heunEuler.js';
import { solveError } from './_testing/solveError.js';

const decay: Rhs = (_t, y, dy) => {
  dy[0] = -y[0]!;
};
const base = { rtol: 1e-6, atol: 1e-9 };

describe('integrateAdaptive', () => {
  test('an interval at negative times: the span is t1 - t0 (default start and a given h0)', () => {
    for (const options of [base, { ...base, h0: 0.25 }]) {
      const r = integrateAdaptive(tableaus.dopri5, decay, -3, [1], -1, options);
      expect(r.t1).toBe(-1);
      expect(r.y[0]).toBeCloseTo(Math.exp(-2), 6);
    }
  });

  test('f not finite at y0: non-finite at t0 with its message', () => {
    const e = solveError(() => integrateAdaptive(tableaus.dopri5, (_t, _y, dy) => void dy.fill(Number.NaN), 0.5, [1], 1, base));
    expect([e.reason, e.t, e.steps]).toEqual(['non-finite', 0.5, 0]);
    expect(e.message).toContain('f(t0, y0) is not finite');
  });

  test('the budget message names maxSteps and the counts', () => {
    const e = solveError(() => integrateAdaptive(tableaus.dopri5, decay, 0, [1], 100, { ...base, maxSteps: 3 }));
    expect(e.message).toContain('more than options.maxSteps=3 step attempts (');
    expect(e.message).toMatch(/\(\d+ accepted, \d+ rejected\)/);
  });

  test('a step below 10 ulp of t is a step underflow, with its message', () => {
    // y' = 1 / (1 - t)^2 is infinite at t = 1: the steps shrink to the resolution of t before reaching it
    const singular: Rhs = (t, _y, dy) => {
      dy[0] = 1 / (1 - t) ** 2;
    };
    const e = solveError(() => integrateAdaptive(tableaus.dopri5, singular, 0, [0], 2, { rtol: 1e-10, atol: 1e-12 }));
    expect(e.reason).toBe('step-underflow');
    expect(e.message).toMatch(/step h=.* below 10 ulp of t \(/);
  });

  test('an interval shorter than 10 ulp is one step to t1 even from a tiny h0', () => {
    for (const [t0, t1] of [
      [1, 1 + 5 * Number.EPSILON],
      [-1, -1 + 4 * Number.EPSILON],
    ] as const) {
      const r = integrateAdaptive(tableaus.dopri5, decay, t0, [1], t1, { ...base, h0: 1e-17, maxSteps: 10 });
      expect([r.t1, r.steps, r.rejected]).toEqual([t1, 1, 0]);
    }
  });

  test('a step that would end within 1% before t1 is stretched to it', () => {
    // y' = 1 is integrated exactly (error 0): t0 + 1.01 h0 = t1 gives one step, not h0 and a sliver
    const r = integrateAdaptive(
      tableaus.dopri5,
      (_t, _y, dy) => {
        dy[0] = 1;
      },
      0,
      [0],
      1.01,
      { ...base, h0: 1 },
    );
    expect([r.steps, r.rejected]).toEqual([1, 0]);
  });

  test('a state that overflows with finite stages stops at that step, from a finite state', () => {
    const e = solveError(() =>
      integrateAdaptive(
        tableaus.dopri5,
        (_t, _y, dy) => {
          dy[0] = 1e300;
        },
        0,
        [1.79e308],
        1e10,
        base,
      ),
    );
    expect(e.reason).toBe('non-finite');
    expect(e.message).toContain('non-finite stage or state in a step of size h=');
    expect(1.79e308 + 1e300 * e.t).toBeLessThan(Number.MAX_VALUE);
  });

  test('without FSAL, f at the accepted state is checked: non-finite at the new time', () => {
    // explicit midpoint with Euler embedded (the Heun-Euler pair with the midpoint's nodes and weights): stages at t
    // and t + h/2 only; f is NaN from t = 1 on
    const midpointEuler = defineTableau({ ...heunEuler, name: 'midpointEuler', c: ['0', '1/2'], A: [[], ['1/2']], b: ['0', '1'] });
    const f: Rhs = (t, y, dy) => {
      dy[0] = t >= 1 ? Number.NaN : -y[0]!;
    };
    const e = solveError(() => integrateAdaptive(midpointEuler, f, 0, [1], 1, base));
    expect([e.reason, e.t]).toEqual(['non-finite', 1]);
    expect(e.message).toContain('f is not finite at the new state');
  });

  test('stiffness detection accepts a 3-stage FSAL pair whose last two nodes are 1', () => {
    // Heun (order 2) with its FSAL stage, Euler embedded: c = 0, 1, 1
    const heunFsal = defineTableau({
      name: 'heunFsal',
      order: 2,
      c: ['0', '1', '1'],
      A: [[], ['1'], ['1/2', '1/2']],
      b: ['1/2', '1/2', '0'],
      bHat: ['1', '0', '0'],
      embeddedOrder: 1,
      fsal: true,
      reference: 'test',
    });
    const r = integrateAdaptive(heunFsal, decay, 0, [1], 1, { ...base, stiffness: {} });
    expect(r.t1).toBe(1);
    expect(r.y[0]).toBeCloseTo(Math.exp(-1), 4);
  });
});

test('integrateFixed: a non-finite state names the tableau', () => {
  const e = solveError(() =>
    integrateFixed(
      tableaus.rk4,
      (_t, _y, dy) => {
        dy[0] = Number.NaN;
      },
      0,
      [1],
      1,
      4,
    ),
  );
  expect(e.reason).toBe('non-finite');
  expect(e.message).toContain('non-finite state after a rk4 step');
});
