import { describe, expect, it } from 'vitest';
import { observedOrder, roundingCutoff, type ErrorPoint } from '../../src/audit/observedOrder.js';

/** Errors e(N) at N = first * 2^j, j < count. */
const sweepOf = (e: (N: number) => number, count = 12, first = 4): ErrorPoint[] =>
  Array.from({ length: count }, (_, j) => first * 2 ** j).map((steps) => ({ steps, error: e(steps) }));

describe('observedOrder', () => {
  it('recovers the exponent of a pure power law', () => {
    for (const p of [1, 2, 3, 4, 5]) {
      const fit = observedOrder(sweepOf((N) => 0.3 * N ** -p, 8));
      expect(fit?.order).toBeCloseTo(p, 10);
      expect(fit?.settled).toBe(true);
    }
  });

  it('fits the asymptotic range: pre-asymptotic drift and the rounding floor are left out', () => {
    // Leading term N^-4 with a large N^-5 correction, and a rounding floor of 2e-15.
    const points = sweepOf((N) => N ** -4 * (1 + 20 / N) + 2e-15, 14);
    const fit = observedOrder(points);
    expect(fit?.order).toBeGreaterThan(3.95);
    expect(fit?.order).toBeLessThan(4.1);
    const firstRounded = points.find((p) => p.error < roundingCutoff(p.steps));
    expect(firstRounded).toBeDefined();
    expect(fit?.toSteps).toBeLessThan(firstRounded?.steps ?? 0);
    expect(fit?.fromSteps).toBeGreaterThan(4);
  });

  it('gives about 0 for an error that stalls', () => {
    const fit = observedOrder(sweepOf((N) => 0.2 + 1 / N, 8));
    expect(Math.abs(fit?.order ?? NaN)).toBeLessThan(0.1);
  });

  it('skips non-finite errors, and is undefined without two usable points', () => {
    expect(
      observedOrder([
        { steps: 4, error: NaN },
        { steps: 8, error: 1e-3 },
        { steps: 16, error: 2.5e-4 },
      ])?.order,
    ).toBeCloseTo(2, 10);
    expect(observedOrder(sweepOf(() => 1e-16, 5))).toBeUndefined();
    expect(observedOrder([{ steps: 4, error: 1e-3 }])).toBeUndefined();
  });

  it('falls back to all usable points (unsettled) when no slopes agree', () => {
    const fit = observedOrder([4, 8, 16, 32].map((steps, j) => ({ steps, error: [1e-2, 1e-3, 5e-4, 1e-6][j] as number })));
    expect(fit?.settled).toBe(false);
    expect(fit?.points).toBe(4);
  });
});
