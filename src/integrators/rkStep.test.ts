import { describe, expect, test } from 'vitest';
import { exponentialGrowth } from './_testing/knownSolutions.js';
import type { Rhs } from './Rhs.js';
import { RkWorkspace } from './RkWorkspace.js';
import { rkStep } from './rkStep.js';
import { tableaus } from './tableaus/index.js';

describe('rkStep', () => {
  test.each([tableaus.bs32, tableaus.dopri5])("$name: the error estimate exceeds the true local error on y' = y (scipy test_rk_error_estimation)", (tab) => {
    for (const h of [0.5, 0.2, 0.1, 0.05]) {
      const ws = new RkWorkspace(tab, 1);
      const y = Float64Array.of(1);
      exponentialGrowth.f(0, y, ws.k[0] as Float64Array);
      rkStep(ws, exponentialGrowth.f, 0, y, h);
      const trueError = Math.abs((ws.yNew[0] as number) - Math.exp(h));
      expect(Math.abs(ws.err[0] as number)).toBeGreaterThan(trueError);
    }
  });

  test.each(Object.values(tableaus))('$name: calls f s - 1 times, reads k[0] and leaves y untouched', (tab) => {
    let calls = 0;
    const f: Rhs = (t, u, du) => {
      calls += 1;
      du[0] = t + (u[0] as number);
    };
    const ws = new RkWorkspace(tab, 1);
    const y = Float64Array.of(2);
    (ws.k[0] as Float64Array)[0] = 2; // f(0, 2)
    rkStep(ws, f, 0, y, 1e-3);
    expect(calls).toBe(tab.c.length - 1);
    expect(y[0]).toBe(2);
    // y' = t + y, y(0) = 2: y(h) = 3 e^h - h - 1; every method is at least first order.
    expect(Math.abs((ws.yNew[0] as number) - (3 * Math.exp(1e-3) - 1e-3 - 1))).toBeLessThan(1e-5);
  });

  test('an FSAL step leaves f(t + h, y_new) in its last stage', () => {
    const ws = new RkWorkspace(tableaus.dopri5, 1);
    const y = Float64Array.of(1);
    exponentialGrowth.f(0, y, ws.k[0] as Float64Array);
    rkStep(ws, exponentialGrowth.f, 0, y, 0.1);
    expect(ws.nextDerivative()[0]).toBe(ws.yNew[0]);
    ws.advance();
    expect(ws.k[0]?.[0]).toBe(ws.yNew[0]);
  });
});
