import { describe, expect, test } from 'vitest';
import type { Rhs } from './Rhs.js';
import { selectInitialStep } from './selectInitialStep.js';

function start(f: Rhs, t0: number, y0: number[], span: number, rtol: number, atol: number | number[], errorOrder = 4, scale?: number) {
  const y = Float64Array.from(y0);
  const f0 = new Float64Array(y.length);
  f(t0, y, f0);
  const a = typeof atol === 'number' ? new Float64Array(y.length).fill(atol) : Float64Array.from(atol);
  return selectInitialStep({ f, t0, y0: y, f0, span, errorOrder, rtol, atol: a, ...(scale === undefined ? {} : { scale }) });
}

const close = (x: number, y: number) => Math.abs(x - y) <= 4 * Number.EPSILON * Math.abs(y);

describe("selectInitialStep: Hairer's starting step, as scipy.integrate._ivp.common.select_initial_step (1.17.1)", () => {
  test('y0 = 0 (d0 < 1e-5): h0 = 1e-6, and the step is at most 100 h0', () => {
    expect(
      close(
        start(
          (_t, _y, dy) => {
            dy[0] = 1;
          },
          0,
          [0],
          10,
          1e-6,
          1e-9,
        ).h,
        9.999999999999999e-5,
      ),
    ).toBe(true);
  });

  test('f = 0 (d1 = d2 = 0): max(1e-6, 1e-3 h0)', () => {
    expect(start((_t, _y, dy) => dy.fill(0), 0, [1, 2], 10, 1e-6, 1e-9).h).toBe(1e-6);
  });

  test('never longer than the interval', () => {
    expect(
      start(
        (_t, y, dy) => {
          dy[0] = -y[0]!;
        },
        0,
        [1],
        1e-3,
        1e-6,
        1e-9,
      ).h,
    ).toBe(1e-3);
  });

  test('the order enters as h1 = (0.01 / max(d1, d2))^(1 / (q + 1)); t0 != 0 and several components', () => {
    expect(
      close(
        start(
          (_t, y, dy) => {
            dy[0] = -y[0]!;
          },
          0,
          [1],
          10,
          1e-3,
          1e-6,
          2,
        ).h,
        0.0215515259567983,
      ),
    ).toBe(true);
    expect(
      close(
        start(
          (_t, y, dy) => {
            dy[0] = y[1]!;
            dy[1] = -y[0]!;
          },
          0.5,
          [1, 0],
          2.5,
          1e-4,
          1e-7,
        ).h,
        0.0009990009990009986,
      ),
    ).toBe(true);
  });

  test('one f evaluation, at t0 + h0 and y0 + h0 f0 (the explicit Euler point)', () => {
    const calls: [number, number][] = [];
    const f: Rhs = (t, y, dy) => {
      calls.push([t, y[0]!]);
      dy[0] = -y[0]!;
    };
    const { rhsEvaluations } = start(f, 2, [1], 10, 1e-6, 1e-9);
    expect(rhsEvaluations).toBe(1);
    expect(calls).toHaveLength(2); // f0 by the caller, then the Euler point
    const [t1, y1] = calls[1]!;
    const h0 = t1 - 2;
    expect(h0).toBeGreaterThan(0);
    expect(y1).toBeCloseTo(1 - h0, 15);
  });
});

describe('selectInitialStep: guards beyond scipy', () => {
  test('f not finite at the Euler point: the Euler step h0 itself (the solver then meets the non-finite value)', () => {
    const f: Rhs = (t, y, dy) => {
      dy[0] = t > 0 ? Number.NaN : -y[0]!;
    };
    // d0 = d1 = 1 / (1e-9 + 1e-6): h0 = 0.01 d0 / d1 = 0.01.
    const r = start(f, 0, [1], 10, 1e-6, 1e-9);
    expect(r).toEqual({ h: 0.01, rhsEvaluations: 1 });
  });

  test('atol = 0 at a zero component with a nonzero derivative (d1 = Infinity): a finite positive step, never 0', () => {
    const f: Rhs = (_t, y, dy) => {
      dy[0] = 1;
      dy[1] = -y[1]!;
    };
    const r = start(f, 0, [0, 1], 10, 1e-6, [0, 1e-9]);
    expect(r.h).toBeGreaterThan(0);
    expect(r.h).toBe(1e-6);
  });
});

describe('selectInitialStep: the a-priori scale S of a zero initial state (option `scale`)', () => {
  /** y' = 1 - y from y0 = 0: a displacement that grows to size 1. */
  const relax: Rhs = (_t, y, dy) => {
    dy[0] = 1 - y[0]!;
  };

  test('y0 = 0: d0 = S / atol, so h0 = 0.01 S / |f0| instead of 1e-6; the step is then the error-based h1, not 100 x 1e-6', () => {
    // d0 = d1 = 1e9, h0 = 0.01; Euler point 0.01, f1 - f0 = -0.01, d2 = 1e9: h1 = (0.01 / 1e9)^(1/5) < 100 h0 = 1
    expect(close(start(relax, 0, [0], 10, 1e-6, 1e-9, 4, 1).h, (0.01 / 1e9) ** (1 / 5))).toBe(true);
    expect(close(start(relax, 0, [0], 10, 1e-6, 1e-9, 4).h, 9.999999999999999e-5)).toBe(true); // without S
  });

  test('S is spread evenly over the n components (S / sqrt(n) each): the cap 100 h0 = S / (sqrt(n) |f0_i|)', () => {
    // n = 4, f = 1, S = 2e-3: d0 = 1e-3 / atol, d1 = 1 / atol, h0 = 1e-5, h1 = (0.01 atol)^(1/5) = 6.3e-3 > 100 h0
    const ones: Rhs = (_t, _y, dy) => dy.fill(1);
    expect(close(start(ones, 0, [0, 0, 0, 0], 10, 1e-6, 1e-9, 4, 2e-3).h, 1e-3)).toBe(true);
  });

  test("a y0 larger than S keeps Hairer's d0 = ||y0||: the same step, bitwise", () => {
    const decay: Rhs = (_t, y, dy) => {
      dy[0] = -y[0]!;
      dy[1] = -2 * y[1]!;
    };
    expect(start(decay, 0, [1, -3], 10, 1e-6, 1e-9, 4, 1e-3)).toEqual(start(decay, 0, [1, -3], 10, 1e-6, 1e-9, 4));
  });
});
