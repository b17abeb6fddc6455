import fc from 'fast-check';
import type { Instance } from '../src/flow/Instance.js';
import { gram, norm2 } from '../src/linalg/dense.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import type { SmoothModel } from '../src/models/SmoothModel.js';
import type { FlowCase } from './FlowCase.js';
import { HORIZONS } from './horizons.js';
import { extremeEigenvector, unit, type Direction } from './instanceFromParams.js';
import { logUniform } from './logUniform.js';
import { uniform } from './uniform.js';

/** A scale fixed to one value, or drawn log-uniformly from [min, max]. */
export type FixedOrRange = number | readonly [number, number];

/** What {@link modelCaseArb} draws around a fixed model; every unfixed scale is drawn log-uniformly. */
export interface ModelCaseConstraints {
  /** The scale alpha. */
  readonly alpha: FixedOrRange;
  /**
   * The horizon T. When absent, T is drawn as a log-uniform fraction in [1e-4, 1] of
   * min(alpha^2 rho^2 / R0, 100 / lambda_max(K0)): Thm 1.2's time limit on the checked ball (so every case stays in
   * it), and at most the dimensionless horizon T lambda_max(K0) = 100 of the built-in generator's short horizons
   * (`HORIZONS.short`; its long ones, up to 1e4, are for the built-in families), past which the linearized flow has
   * long relaxed and a solve of a user's model costs more without testing more.
   */
  readonly T?: FixedOrRange;
  /** Fixed targets y* (each of length n): each case takes one. When absent, y* = alpha h(w0) + sqrt(2 R0) u. */
  readonly targets?: readonly Float64Array[];
  /** R0 range of drawn targets. */
  readonly R0: readonly [number, number];
  /** Radius of the ball B(w0, rho) on which the model's constants were checked. */
  readonly rho: number;
}

/** Fraction of the largest admitted horizon a drawn horizon takes, log-uniformly. */
const HORIZON_FRACTION: readonly [number, number] = [1e-4, 1];
/** Largest dimensionless horizon T lambda_max(K0) drawn (the top of `instanceArb`'s short horizons). */
const TAU_MAX = HORIZONS.short[1];

function scale(value: FixedOrRange): fc.Arbitrary<number> {
  return typeof value === 'number' ? fc.constant(value) : logUniform(value[0], value[1]);
}

/**
 * Flow cases on one fixed model (the user's, in `ntk-check model`): the model and w0 stay put; alpha, the
 * targets and the horizon are drawn (or fixed). Drawn targets point in a random direction or along the top or
 * bottom eigenvector of K0 = J0 J0^T (the fastest and the slowest mode of the linearized flow).
 */
export function modelCaseArb(model: SmoothModel, constraints: ModelCaseConstraints): fc.Arbitrary<FlowCase> {
  const { n, p, w0 } = model;
  const h0 = model.value(w0, new Float64Array(n));
  const K0 = gram(model.jacobian(w0, new Float64Array(n * p)), n, p);
  const lambdaMax = symmetricEigen(K0, n).values[n - 1] as number;
  const extreme = { top: extremeEigenvector(K0, n, 'top'), bottom: extremeEigenvector(K0, n, 'bottom') };
  const { targets } = constraints;
  const yStarArb =
    targets === undefined
      ? fc
          .record({
            direction: fc.constantFrom<Direction>('random', 'top', 'bottom'),
            R0: logUniform(constraints.R0[0], constraints.R0[1]),
            raw: fc.array(uniform(-1, 1), { minLength: n, maxLength: n }),
          })
          .map(({ direction, R0, raw }) => {
            const u = direction === 'random' ? unit(raw) : extreme[direction];
            return { direction, offset: u.map((x) => Math.sqrt(2 * R0) * x) };
          })
      : fc.nat({ max: targets.length - 1 }).map((k) => ({ direction: `target ${k}`, target: targets[k] as Float64Array }));
  return fc
    .record({ alpha: scale(constraints.alpha), y: yStarArb, T: constraints.T === undefined ? logUniform(...HORIZON_FRACTION) : scale(constraints.T) })
    .map(({ alpha, y, T }): FlowCase => {
      const yStar = 'target' in y ? Float64Array.from(y.target) : h0.map((h, i) => alpha * h + (y.offset[i] as number));
      const R0 = 0.5 * norm2(yStar.map((v, i) => v - alpha * (h0[i] as number))) ** 2;
      const relaxed = TAU_MAX / Math.max(lambdaMax, Number.MIN_VALUE);
      const limit = Math.min(R0 === 0 ? Infinity : (alpha * constraints.rho) ** 2 / R0, relaxed);
      const instance: Instance = { model, yStar, alpha, T: constraints.T === undefined ? T * limit : T };
      return { instance, family: 'user', direction: y.direction };
    });
}
