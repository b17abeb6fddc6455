import fc from 'fast-check';
import type { Instance } from '../src/flow/Instance.js';
import { gram } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import type { MeanFieldModel } from '../src/models/meanField.js';
import type { FlowCase } from '../src/statements/FlowCase.js';
import { checkRange, type ScaleRange } from './_internals/ranges.js';
import { logUniform } from './logUniform.js';
import { meanFieldModelArb } from './meanFieldModelArb.js';
import { uniform } from './uniform.js';

/** Constraints of {@link meanFieldFlowCaseArb}; ranges are sampled log-uniformly unless said otherwise. */
export interface MeanFieldFlowCaseConstraints {
  /** Largest number of neurons m. Default 16. */
  readonly maxM?: number;
  /** Largest input dimension d. Default 3. */
  readonly maxD?: number;
  /** Largest number of data points n. Default 4. */
  readonly maxN?: number;
  /** Half-width of the uniform input entries. Default [0.25, 3]. */
  readonly inputScale?: ScaleRange;
  /** Scale of the labels: y_j uniform on [-s, s], y* = y / sqrt(n). Default [0.03, 30]. */
  readonly labelScale?: ScaleRange;
  /** alpha. Default [1e-2, 1e4]. */
  readonly alpha?: ScaleRange;
  /** Bounds on T: T is log-uniform in [min(T.min, T_hi / 1e3), T_hi], T_hi the smallest of the three caps. Default [1e-3, 1e4]. */
  readonly T?: ScaleRange;
  /** Cap on T lambda_max(K0) (solve cost: the flow relaxes after ~1/lambda). Default 100. */
  readonly maxTau?: number;
  /** Cap on the Prop 3.1 radius sqrt(T R0) / alpha (how far the weights may move; the kernel grows with it). Default 1. */
  readonly maxRadius?: number;
}

const NAME = 'meanFieldFlowCaseArb.constraints';

/**
 * Gradient-flow cases on mean-field nets with the symmetric initialization (f_w0 = 0, so R0 = |y*|^2 / 2 for any
 * alpha) and targets y* = y / sqrt(n) (THEORY.md, eq. 10): alpha log-uniform over [1e-2, 1e4], and T log-uniform
 * up to the smallest of T.max, maxTau / lambda_max(K0) and maxRadius^2 alpha^2 / R0 — so T/alpha ranges over both
 * sides of 1 while the solve cost stays bounded. Family 'meanField', direction 'random' (r(0) = y*).
 */
export function meanFieldFlowCaseArb(constraints: MeanFieldFlowCaseConstraints = {}): fc.Arbitrary<FlowCase> {
  const inputScale = checkRange(`${NAME}.inputScale`, constraints.inputScale ?? { min: 0.25, max: 3 }, true);
  const labelScale = checkRange(`${NAME}.labelScale`, constraints.labelScale ?? { min: 0.03, max: 30 }, true);
  const alpha = checkRange(`${NAME}.alpha`, constraints.alpha ?? { min: 1e-2, max: 1e4 }, true);
  const T = checkRange(`${NAME}.T`, constraints.T ?? { min: 1e-3, max: 1e4 }, true);
  const caps = { T, maxTau: constraints.maxTau ?? 100, maxRadius: constraints.maxRadius ?? 1 };
  const sizes = { maxM: constraints.maxM ?? 16, maxD: constraints.maxD ?? 3, maxN: constraints.maxN ?? 4, symmetric: true };
  return logUniform(inputScale.min, inputScale.max)
    .chain((scale) => meanFieldModelArb({ ...sizes, inputScale: scale }))
    .chain((model) =>
      fc.record({
        model: fc.constant(model),
        labels: fc.array(uniform(-1, 1), { minLength: model.n, maxLength: model.n }),
        labelScale: logUniform(labelScale.min, labelScale.max),
        alpha: logUniform(alpha.min, alpha.max),
        horizon: uniform(0, 1),
      }),
    )
    .map((draws): FlowCase => {
      const { model, alpha: a } = draws;
      const yStar = Float64Array.from(draws.labels, (y) => (draws.labelScale * y) / Math.sqrt(model.n));
      const R0 = 0.5 * yStar.reduce((s, y) => s + y * y, 0);
      const hi = horizonCap(model, R0, a, caps);
      const lo = Math.min(T.min, hi / 1e3);
      const instance: Instance = { model, yStar, alpha: a, T: lo * (hi / lo) ** draws.horizon };
      return { instance, family: 'meanField', direction: 'random' };
    });
}

/** The largest T drawn: min(T.max, maxTau / lambda_max(K0), maxRadius^2 alpha^2 / R0). */
function horizonCap(model: MeanFieldModel, R0: number, alpha: number, caps: { T: ScaleRange; maxTau: number; maxRadius: number }): number {
  const lambdaMax = opNorm(gram(model.jacobian(model.w0), model.n, model.p), model.n, model.n);
  const byCost = lambdaMax > 0 ? caps.maxTau / lambdaMax : Infinity;
  const byRadius = R0 > 0 ? (caps.maxRadius * alpha) ** 2 / R0 : Infinity;
  return Math.min(caps.T.max, byCost, byRadius);
}
