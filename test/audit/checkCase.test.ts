import { describe, expect, it } from 'vitest';
import type { IntegratorModule } from '../../src/audit/IntegratorModule.js';
import { checkCase, INVARIANT_KINDS, type Violation } from '../../src/audit/invariants/checkCase.js';
import { stableSteps } from '../../src/audit/invariants/invariantCaseArb.js';
import type { Instance } from '../../src/flow/Instance.js';
import { quadraticModel } from '../../src/models/quadratic.js';
import { inProcessSubject } from './inProcessSubject.js';

/** Forward Euler running the clock `speed` times too fast (speed 1: correct). */
function euler(speed: number): IntegratorModule {
  return {
    name: `euler x${speed}`,
    order: 1,
    solve(f, t0, y0, t1, steps) {
      const h = (speed * (t1 - t0)) / steps;
      let y = [...y0];
      for (let i = 0; i < steps; i++) {
        const k = f(t0 + i * h, y);
        y = y.map((v, j) => v + h * (k[j] as number));
      }
      return y;
    },
  };
}

/**
 * A linear scalar flow (Q = 0) with lambda T = 1.26, where Prop 3.1 is tightest (||w(T) - w0|| = 0.90 of the
 * bound): Euler at the fewest stable steps overshoots the bound by about 1.4% — a discretization error, not a
 * violation of the theory.
 */
const instance: Instance = {
  model: quadraticModel({ h0: [0], G: [[Math.sqrt(1.26)]], Q: [[[0]]], w0: [0] }),
  yStar: Float64Array.of(Math.SQRT2),
  alpha: 1,
  T: 1,
};
const flow = { instance, family: 'quadratic', direction: 'random' };
const all = new Set(INVARIANT_KINDS);

describe('checkCase', () => {
  const steps = stableSteps(instance);

  it('does not certify a correct method that crosses a bound by less than its own error', async () => {
    const subject = await inProcessSubject(euler(1));
    const out = await subject.solve(
      { dim: 1, rhs: (_t, y) => [Math.sqrt(1.26) * (Math.SQRT2 - Math.sqrt(1.26) * (y[0] as number))] },
      0,
      Float64Array.of(0),
      1,
      steps,
    );
    const wT = out.status === 'solved' ? (out.y[0] as number) : NaN;
    expect(steps).toBe(3);
    expect(Math.abs(wT)).toBeGreaterThan(1); // the raw state is past sqrt(T R0) / alpha = 1
    expect(await checkCase(subject, { flow, steps }, all)).toBeUndefined();
  });

  it('certifies the same crossing by a method that converges to the wrong flow', async () => {
    const violation = (await checkCase(await inProcessSubject(euler(2)), { flow, steps }, all)) as Violation | undefined;
    expect(violation?.kind).toBe('prop-3.1');
    expect(violation?.value).toBeGreaterThan((violation?.bound ?? 0) + 2 * (violation?.methodError ?? Infinity));
  });

  it('reports a non-finite state at once, and only the kinds asked for', async () => {
    const nan: IntegratorModule = { name: 'nan', order: 1, solve: (_f, _t0, y0) => y0.map(() => NaN) };
    expect(await checkCase(await inProcessSubject(nan), { flow, steps }, all)).toMatchObject({ kind: 'non-finite', k: 1 });
    expect(await checkCase(await inProcessSubject(nan), { flow, steps }, new Set(['prop-3.1'] as const))).toBeUndefined();
    expect(await checkCase(await inProcessSubject(euler(2)), { flow, steps }, new Set(['loss-increase'] as const))).toBeUndefined();
    expect(await checkCase(await inProcessSubject(euler(2)), { flow, steps }, new Set(['thm-1.2'] as const))).toMatchObject({ kind: 'thm-1.2' }); // kappa = 0: E must vanish
  });
});
