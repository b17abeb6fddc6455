import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { distance, norm2 } from '../linalg/dense.js';
import { quadraticModel, type QuadraticModel } from '../models/quadratic.js';
import { scalarModel } from '../models/scalar.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import { createRng } from '../random/rng.js';
import { gapFlow } from './gapFlow.js';
import type { Instance } from './Instance.js';
import { linearizedFlow } from './linearizedFlow.js';
import { solveRun } from './Run.js';
import { solveGapRun } from './solveGapRun.js';
import { symmetricQ } from './_testing/symmetricQ.js';
import { taylorQuadraticReference } from './_testing/taylorQuadraticReference.js';

/** Decimal vector -> doubles (the references' values are far inside the double range here). */
const toNumbers = (x: readonly Decimal[]) => Float64Array.from(x, (v) => v.toNumber());
/** ||x - y|| / ||y||. */
const relative = (x: Float64Array, y: Float64Array) => distance(x, y) / norm2(y);

/**
 * A lazy scalar flow (alpha = 1000, alpha h(w0) = 276, r(0) = 1, kappa ~ 6e-4 at T = 1): the gap e = r - rbar grows
 * like t^2 from 0 and stays between 1e-15 and 1e-3 of the residual, the regime in which r - rbar formed from two
 * separately solved residuals (operands of size 277) is mostly error.
 */
const scalar: Instance = { model: scalarModel({ a: 1.3, b: 0.8, w0: 0.2 }), yStar: Float64Array.of(277), alpha: 1000, T: 1 };
const scalarTimes = [1e-6, 1e-4, 1e-2, 0.1, 1];

/** A 3 x 4 quadratic model with a fixed seed, trained lazily (alpha = 2000, r(0) = (1, 1, 1)). */
function lazyQuadratic(): Instance & { model: QuadraticModel } {
  const rng = createRng(11).uniform;
  const n = 3;
  const p = 4;
  const G = Array.from({ length: n }, () => Array.from({ length: p }, () => rng() - 0.5));
  const Q = symmetricQ(n, p, () => 2 * (rng() - 0.5));
  const model = quadraticModel({ h0: [0.1, -0.2, 0.3], G, Q, w0: new Array<number>(p).fill(0) });
  return { model, yStar: Float64Array.of(201, -399, 601), alpha: 2000, T: 2 };
}

describe('gapFlow: the flow solved in delta = w - w0 and e = r - rbar', () => {
  it('matches the decimal closed form of a scalar flow with errors relative to e itself, where r - rbar cannot', () => {
    const flow = new PreciseScalarFlow(
      { a: exactDecimal(1.3), b: exactDecimal(0.8), w0: exactDecimal(0.2), yStar: exactDecimal(277), alpha: exactDecimal(1000) },
      { digits: 30 },
    );
    const gap = gapFlow(scalar, linearizedFlow(scalar), { rtol: 1e-13 });
    const plain = solveRun(scalar, { rtol: 1e-13, tableau: 'dop853', method: 'explicit', estimateError: false });
    for (const t of scalarTimes) {
      const exact = flow.at(exactDecimal(t));
      const e = Float64Array.of(exact.r.minus(exact.rbar).toNumber());
      const delta = Float64Array.of(exact.w.minus(exactDecimal(0.2)).toNumber());
      expect(Math.abs(e[0]!) / Math.abs(exact.r.toNumber())).toBeLessThan(1e-3); // a gap far below the residual
      expect(relative(gap.gap(t), e)).toBeLessThan(1e-7); // measured: 2.6e-8 at t = 1e-6, e / r = 1.7e-15
      expect(relative(gap.displacement(t), delta)).toBeLessThan(1e-11);
      if (t <= 1e-4) {
        // The same DOP853 at the same rtol on w: its e = r - rbar is off by more than a part in a thousand (measured:
        // 5.5 at t = 1e-6, 3.9e-3 at t = 1e-4).
        const ePlain = Float64Array.of(plain.nonlinear.trajectory.residual(t)[0]! - plain.linear.residual(t)[0]!);
        expect(relative(ePlain, e)).toBeGreaterThan(1e-3);
      }
    }
  });

  it('matches the 30-digit Taylor solve of a quadratic flow (E(T), ||w(T) - w0|| and e(t) on the way)', () => {
    const instance = lazyQuadratic();
    const { T } = instance;
    const taylor = taylorQuadraticReference(instance, 30);
    const run = solveGapRun(instance, { rtol: 1e-13 });
    expect(run.gap).toBeDefined();
    for (const t of [0.01, 0.3, T]) {
      const exact = taylor.at(exactDecimal(t));
      const e = toNumbers(exact.r.map((x, i) => x.minus(exact.rbar[i]!)));
      expect(norm2(e) / norm2(toNumbers(exact.r))).toBeLessThan(1e-3);
      expect(relative(run.gap!.gap(t), e)).toBeLessThan(1e-8);
      expect(relative(run.gap!.displacement(t), toNumbers(exact.d))).toBeLessThan(1e-11);
      // w(t) and r(t) rebuilt from the differences agree with the reference to double precision.
      expect(relative(run.nonlinear.trajectory.residual(t), toNumbers(exact.r))).toBeLessThan(1e-13);
    }
    const end = taylor.at(taylor.T);
    const E = norm2(toNumbers(end.r.map((x, i) => x.minus(end.rbar[i]!))));
    expect(Math.abs(run.E - E) / E).toBeLessThan(1e-8);
    expect(Math.abs(run.weightChange - norm2(toNumbers(end.d))) / run.weightChange).toBeLessThan(1e-11);
  });

  it('starts at delta = e = 0 and returns the same for T = 0', () => {
    const instance = { ...scalar, T: 0 };
    const gap = gapFlow(instance, linearizedFlow(instance), { rtol: 1e-10 });
    expect(Array.from(gap.gap(0))).toEqual([0]);
    expect(Array.from(gap.displacement(0))).toEqual([0]);
    expect(solveGapRun(instance, { rtol: 1e-10 }).E).toBe(0);
  });
});
