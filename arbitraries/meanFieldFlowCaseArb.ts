import fc from 'fast-check';
import type { Instance } from '../src/flow/Instance.js';
import { gram } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import type { MeanFieldModel } from '../src/models/meanField.js';
import type { FlowCase } from './FlowCase.js';
import type { Direction } from './instanceFromParams.js';
import { checkRange, type ScaleRange } from './_internals/ranges.js';
import { logUniform } from './logUniform.js';
import { meanFieldModelArb } from './meanFieldModelArb.js';
import { unitEntries } from './_internals/unitEntries.js';
import { unitVector } from './_internals/unitVector.js';

/** Constraints of {@link meanFieldFlowCaseArb}; ranges are sampled log-uniformly. */
export interface MeanFieldFlowCaseConstraints {
  /** Largest number of neurons m. Default 16. */
  readonly maxM?: number;
  /** Largest input dimension d. Default 3. */
  readonly maxD?: number;
  /** Largest number of data points n. Default 4. */
  readonly maxN?: number;
  /** Half-width of the uniform input entries. Default [0.25, 3]. */
  readonly inputScale?: ScaleRange;
  /** R0 = |y*|^2 / 2 (y* = sqrt(2 R0) times a random unit vector). Default [1e-6, 1e2]. */
  readonly R0?: ScaleRange;
  /** alpha. Default [1e-2, 1e4]. */
  readonly alpha?: ScaleRange;
  /** kappa_0 = T Lip_0 sqrt(R0) / alpha, Lip_0 the certified Lip(Dh) at rho = 0, sets T. Default [1e-3, 30]. */
  readonly kappa?: ScaleRange;
  /** T is clamped to [T.min, T.max]. Default [1e-3, 1e4]. */
  readonly T?: ScaleRange;
  /** Cap on T lambda_max(K0) (solve cost: the flow relaxes after ~1/lambda). Default 100. */
  readonly maxTau?: number;
  /** Cap on the Prop 3.1 radius sqrt(T R0) / alpha (how far the weights may move: far from w0 the net leaves the lazy regime). Default 10. */
  readonly maxRadius?: number;
  /**
   * Smallest T / alpha (unless a cap forces less): below it E(T) ~ T^2 / alpha sinks under the rounding floor of
   * r = y* - alpha h(w), whose terms are ~ alpha (`residualScale`), and the case measures nothing. Default 1e-4.
   */
  readonly resolvable?: number;
}

const NAME = 'meanFieldFlowCaseArb.constraints';

/** The horizon limits of a case (see the constraints). */
interface Limits {
  readonly T: ScaleRange;
  readonly maxTau: number;
  readonly maxRadius: number;
  readonly resolvable: number;
}

/**
 * Gradient-flow cases on mean-field nets with the symmetric initialization (f_w0 = 0, so R0 = |y*|^2 / 2 for any
 * alpha) and targets y* = y / sqrt(n) (docs/theory.md, eq. 10) of a log-uniform R0 in a random direction; alpha, R0 and
 * kappa_0 log-uniform (as `instanceArb` draws kappa: both kappa << 1 and kappa >> 1, and T/alpha on both sides of
 * 1), T = kappa_0 alpha / (Lip_0 sqrt(R0)) clamped to the solve-cost, weight-radius and resolvability limits.
 * Family 'meanField'; r(0) = y* random, or along K0's top or bottom eigenvector (the linearized flow's fastest and
 * slowest direction: along the bottom one rbar barely moves while the trained kernel may let r move — large E).
 */
export function meanFieldFlowCaseArb(constraints: MeanFieldFlowCaseConstraints = {}): fc.Arbitrary<FlowCase> {
  const inputScale = checkRange(`${NAME}.inputScale`, constraints.inputScale ?? { min: 0.25, max: 3 }, true);
  const R0 = checkRange(`${NAME}.R0`, constraints.R0 ?? { min: 1e-6, max: 1e2 }, true);
  const alpha = checkRange(`${NAME}.alpha`, constraints.alpha ?? { min: 1e-2, max: 1e4 }, true);
  const kappa = checkRange(`${NAME}.kappa`, constraints.kappa ?? { min: 1e-3, max: 30 }, true);
  const limits: Limits = {
    T: checkRange(`${NAME}.T`, constraints.T ?? { min: 1e-3, max: 1e4 }, true),
    maxTau: constraints.maxTau ?? 100,
    maxRadius: constraints.maxRadius ?? 10,
    resolvable: constraints.resolvable ?? 1e-4,
  };
  const sizes = { maxM: constraints.maxM ?? 16, maxD: constraints.maxD ?? 3, maxN: constraints.maxN ?? 4, symmetric: true };
  return logUniform(inputScale.min, inputScale.max)
    .chain((scale) => meanFieldModelArb({ ...sizes, inputScale: scale }))
    .chain((model) =>
      fc.record({
        model: fc.constant(model),
        direction: fc.constantFrom<Direction>('random', 'top', 'bottom'),
        raw: unitEntries(model.n),
        R0: logUniform(R0.min, R0.max),
        alpha: logUniform(alpha.min, alpha.max),
        kappa: logUniform(kappa.min, kappa.max),
      }),
    )
    .map((draws): FlowCase => {
      const { model, alpha: a, R0: r, direction } = draws;
      const K0 = gram(model.jacobian(model.w0), model.n, model.p);
      const yStar = targetDirection(K0, model.n, direction, draws.raw).map((u) => Math.sqrt(2 * r) * u);
      const instance: Instance = { model, yStar, alpha: a, T: horizon(model, K0, r, a, draws.kappa, limits) };
      return { instance, family: 'meanField', direction };
    });
}

/** y* / |y*|: a random unit vector, or K0's eigenvector of largest ('top') or smallest ('bottom') eigenvalue. */
function targetDirection(K0: Float64Array, n: number, direction: Direction, raw: readonly number[]): Float64Array {
  if (direction === 'random') return unitVector(raw);
  const { vectors } = symmetricEigen(K0, n);
  const k = direction === 'top' ? n - 1 : 0;
  return Float64Array.from({ length: n }, (_, i) => vectors[i * n + k] as number);
}

/**
 * T = kappa_0 alpha / (Lip_0 sqrt(R0)), clamped below by max(T.min, resolvable alpha) and above by
 * min(T.max, maxTau / lambda_max(K0), maxRadius^2 alpha^2 / R0) (the upper limits win).
 */
function horizon(model: MeanFieldModel, K0: Float64Array, R0: number, alpha: number, kappa: number, limits: Limits): number {
  const lambdaMax = opNorm(K0, model.n, model.n);
  const byCost = lambdaMax > 0 ? limits.maxTau / lambdaMax : Infinity;
  const hi = Math.min(limits.T.max, byCost, (limits.maxRadius * alpha) ** 2 / R0);
  const lo = Math.max(limits.T.min, limits.resolvable * alpha);
  const lip0 = model.lipDh(0);
  const T = lip0 > 0 ? (kappa * alpha) / (lip0 * Math.sqrt(R0)) : hi;
  return Math.min(hi, Math.max(lo, T));
}
