import type fc from 'fast-check';
import { instanceFromParams } from '../../../arbitraries/instanceFromParams.js';
import { instanceParamBlocks, instanceParamsArb, instanceRanges, type InstanceConstraints } from '../../../arbitraries/instanceParamsArb.js';
import { instanceToJson } from '../../flow/instanceToJson.js';
import type { SmoothModel } from '../../models/SmoothModel.js';
import { reviveFlowCase } from '../../statements/flowStatement.js';
import { parametricArbitrary } from '../../../arbitraries/searchSpaceOf.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';

/** A cross-entropy case: a model centred at w0 (h(w0) = 0), labels +-1, scale alpha and horizon T. */
export interface LogisticCase {
  /** The centred model h - h(w0) of `base`. */
  readonly model: SmoothModel;
  /** The model as generated (serializable: describe/revive go through it). */
  readonly base: SmoothModel;
  readonly labels: Float64Array;
  readonly alpha: number;
  readonly T: number;
  readonly family: string;
}

/**
 * `model` shifted so that h(w0) = 0 (the logistic loss, unlike the square loss, sees h(w0): centring makes the
 * initial outputs alpha h(w0) = 0 for every alpha, as the symmetric initialization does for the mean-field net).
 * Jacobian, constants and JSON are the model's own except for the shift.
 */
export function centredModel(model: SmoothModel): SmoothModel {
  const h0 = model.value(model.w0);
  return {
    kind: model.kind,
    p: model.p,
    n: model.n,
    w0: model.w0,
    lipDhIsExact: model.lipDhIsExact,
    value: (w, out) => {
      const v = model.value(w, out);
      for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - (h0[i] as number);
      return v;
    },
    jacobian: (w, out) => model.jacobian(w, out),
    vjp: (w, r, out) => model.vjp(w, r, out),
    lipDh: (rho) => model.lipDh(rho),
    lipH: (rho) => model.lipH(rho),
  };
}

/** The cross-entropy case of a flow case: its model centred, labels the signs of r(0) = y* - alpha h(w0), same alpha, T. */
export function logisticCaseOf(c: FlowCase): LogisticCase {
  const { model, yStar, alpha, T } = c.instance;
  const h0 = model.value(model.w0);
  const labels = Float64Array.from(yStar, (y, i) => (y - alpha * (h0[i] as number) < 0 ? -1 : 1));
  return { model: centredModel(model), base: model, labels, alpha, T, family: c.family };
}

/** Serializable description of a case: the base model as an instance whose y* holds the labels. */
export function describeLogisticCase(c: LogisticCase): unknown {
  return { family: c.family, centred: true, instance: instanceToJson({ model: c.base, yStar: c.labels, alpha: c.alpha, T: c.T }) };
}

/** The inverse of {@link describeLogisticCase}. */
export function reviveLogisticCase(description: unknown): LogisticCase {
  const flow = reviveFlowCase(description);
  const { model, yStar, alpha, T } = flow.instance;
  return { model: centredModel(model), base: model, labels: Float64Array.from(yStar, (y) => (y < 0 ? -1 : 1)), alpha, T, family: flow.family };
}

/** Instances of the cross-entropy experiments: the quadratic and scalar families, n, p <= 3 (R0 only sets the labels' signs). */
export const LOGISTIC_INSTANCES: InstanceConstraints = { families: ['quadratic', 'structured', 'scalar'], maxN: 3, maxP: 3, R0: [1, 1] };

/**
 * Cross-entropy cases from the flow-instance parameter space (with its search view), with the dimensionless horizon
 * tau = T ||J0||^2 in `tau`: the generator's scales alpha, T only set units (E and T Lip(Dh) n / alpha depend on
 * tau, kappa and the shape), so tau is the time axis of the experiments.
 */
export function logisticCaseArb(tau: readonly [number, number]): fc.Arbitrary<LogisticCase> {
  const constraints = { ...LOGISTIC_INSTANCES, tau };
  const ranges = instanceRanges(constraints);
  return parametricArbitrary(instanceParamsArb(constraints), {
    blocks: (point) => instanceParamBlocks(point.discrete, ranges),
    decode: (point) => logisticCaseOf(instanceFromParams(point)),
    niche: ({ discrete: d }) => `${d.family}/${d.n > 1 ? 'n>1' : 'n=1'}`,
  });
}
