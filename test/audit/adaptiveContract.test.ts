import { describe, expect, it } from 'vitest';
import type { AdaptiveIntegratorModule } from '../../src/audit/AdaptiveIntegratorModule.js';
import type { AuditProblem } from '../../src/audit/AuditProblem.js';
import { slopeFit } from '../../src/audit/adaptive/slopeFit.js';
import { inProcessSubject } from './inProcessSubject.js';

const decay: AuditProblem = { dim: 1, rhs: (_t, y) => [-(y[0] as number)] };
const adaptive = (solve: AdaptiveIntegratorModule['solve']): AdaptiveIntegratorModule => ({ name: 'a', order: 1, adaptive: true, solve });
const run = async (solve: AdaptiveIntegratorModule['solve']) =>
  (await inProcessSubject(adaptive(solve))).solveTo(decay, 0, Float64Array.of(1), 1, { rtol: 1e-6, atol: 1e-9 });

describe('slopeFit', () => {
  it('recovers an exact power law with a zero-width interval, and widens the interval with scatter', () => {
    const exact = slopeFit([1e-3, 1e-4, 1e-5, 1e-6].map((x) => ({ x, y: 3 * x })));
    expect(exact?.slope).toBeCloseTo(1, 12);
    expect((exact?.high ?? NaN) - (exact?.low ?? NaN)).toBeLessThan(1e-9);
    const noisy = slopeFit([1e-3, 1e-4, 1e-5, 1e-6, 1e-7].map((x, i) => ({ x, y: x * (i % 2 === 0 ? 1 : 5) })));
    expect(noisy?.low).toBeLessThan(1);
    expect(noisy?.high).toBeGreaterThan(1);
    expect(
      slopeFit([
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toBeUndefined();
  });
});

describe('the adaptive contract', () => {
  it('passes the tolerances, accepts a bare y or { y, ... }, and counts f itself', async () => {
    let seen: unknown;
    expect(
      await run((f, t0, y0, t1, tol) => {
        seen = tol;
        f(t0, [...y0]);
        return [Math.exp(-t1)];
      }),
    ).toMatchObject({ status: 'solved', evaluations: 1 });
    expect(seen).toEqual({ rtol: 1e-6, atol: 1e-9 });
    const out = await run((f, t0, y0) => ({ y: f(t0, [...y0]), evaluations: 1, errorEstimate: 1e-7, acceptedSteps: 3, rejectedSteps: 1 }));
    expect(out).toMatchObject({ status: 'solved', errorEstimate: 1e-7, acceptedSteps: 3, rejectedSteps: 1 });
  });

  it.each([
    ['a wrong evaluation count', () => ({ y: [1], evaluations: 5 }), /reports the number of f evaluations it made .*reported 5, f was called 0 times\)/],
    ['a negative estimate', () => ({ y: [1], errorEstimate: -1 }), /returns errorEstimate as a number >= 0/],
    ['fractional step counts', () => ({ y: [1], rejectedSteps: 0.5 }), /returns rejectedSteps as a non-negative integer/],
    ['no y', () => ({ errorEstimate: 0 }), /returns y\(t1\) as an array of 1 number \(or \{ y, evaluations\?.*returned undefined\)/],
  ] as const)('rejects %s', async (_, solve, message) => {
    await expect(run(solve as unknown as AdaptiveIntegratorModule['solve'])).rejects.toThrow(message);
  });
});
