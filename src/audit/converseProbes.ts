import { significant } from '../format/numbers.js';
import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { logUniform } from '../../arbitraries/logUniform.js';
import { uniform } from '../../arbitraries/uniform.js';
import type { Instance } from '../flow/Instance.js';
import { converseModel } from '../models/scalar.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import type { AuditProblem } from './AuditProblem.js';
import { gradientFlowProblem } from './gradientFlowProblem.js';
import { relativeDistance } from './_internals/exactReference.js';
import { COMPONENT_KAPPA, rotatedConverse } from './_internals/rotatedConverse.js';
import { abruptClockProblem } from './abruptClockProblem.js';
import { timeWarpedProblem, WARPED_SPAN } from './timeWarpedProblem.js';

/**
 * The scalar converse flow on [0, T] (`autonomous`), its time-warped twin on tau in [1, 2] (`non-autonomous`),
 * and three rotated, decoupled converse flows in R^3, time-warped the same way (`vector`).
 */
export type ProbeKind = 'autonomous' | 'non-autonomous' | 'vector' | 'abrupt-clock';

/** One generated parameter set of the converse model (docs/theory.md, "The converse model in closed form"). */
export interface ConverseProbeParams {
  readonly alpha: number;
  readonly T: number;
  readonly R0: number;
  /** Lip(Dh) = b of the scalar probes, set from kappa. */
  readonly lip: number;
  /** kappa = T Lip(Dh) sqrt(R0) / alpha: the one dimensionless parameter of the scalar flow. */
  readonly kappa: number;
  /** Direction u of the vector probe's rotation V = I - 2 u u^T (normalized). */
  readonly direction: readonly number[];
}

/** An initial value problem with a 30-digit reference for its final value. */
export interface ConvergenceProbe {
  /** 1-based index of the parameter set. */
  readonly set: number;
  readonly kind: ProbeKind;
  readonly params: ConverseProbeParams;
  readonly problem: AuditProblem;
  readonly t0: number;
  readonly t1: number;
  readonly y0: Float64Array;
  /** ||y(t1)||_2 in double: the scale of absolute tolerances and errors. */
  readonly referenceNorm: number;
  /** ||y - y(t1)|| / ||y(t1)||, computed in decimal.js against the closed form. */
  relativeError(y: ArrayLike<number>): number;
  /** ||y - w(t)|| / ||y(t1)|| for a time t >= 0 of the autonomous clock (for diagnoses; autonomous probes only). */
  relativeDistance(y: ArrayLike<number>, t: number): number;
}

/** Digits of the reference: far beyond double rounding, cheap. */
const REFERENCE_DIGITS = 30;

/**
 * kappa range of the probes: both sides of 1, and a flow whose stiffness (1 + 2 sqrt(2) kappa) / T keeps every
 * classical explicit method stable from 4 steps on.
 */
const KAPPA = [0.1, 1.5] as const;
/** Range of alpha, T and R0 (log-uniform): the relative error of w(T) is scale-free, the rounding is not. */
const SCALE = [1e-2, 1e2] as const;

/** Unbiased draws (fast-check's small-value bias would repeat the range ends). */
const paramsArb = fc.noBias(
  fc
    .record({
      alpha: logUniform(...SCALE),
      T: logUniform(...SCALE),
      R0: logUniform(...SCALE),
      kappa: logUniform(...KAPPA),
      direction: fc.tuple(uniform(-1, 1), uniform(-1, 1), uniform(-1, 1)),
    })
    .map((d): ConverseProbeParams => ({ ...d, lip: (d.kappa * d.alpha) / (d.T * Math.sqrt(d.R0)) })),
);

function scalarProbes(set: number, params: ConverseProbeParams): ConvergenceProbe[] {
  const model = converseModel({ T: params.T, lip: params.lip });
  const yStar = Math.sqrt(2 * params.R0);
  const instance: Instance = { model, yStar: Float64Array.of(yStar), alpha: params.alpha, T: params.T };
  const exact = new PreciseScalarFlow({ a: model.a, b: model.b, w0: 0, yStar, alpha: params.alpha }, { digits: REFERENCE_DIGITS });
  const wT = [exact.at(params.T).w];
  const common = {
    set,
    params,
    referenceNorm: Math.abs((wT[0] as Decimal).toNumber()),
    y0: Float64Array.of(0),
    relativeError: (y: ArrayLike<number>) => relativeDistance(exact.Decimal, y, wT, wT),
    relativeDistance: (y: ArrayLike<number>, t: number) => relativeDistance(exact.Decimal, y, [exact.at(t).w], wT),
  };
  const autonomous = gradientFlowProblem(instance);
  return [
    { ...common, kind: 'autonomous', problem: autonomous, t0: 0, t1: params.T },
    { ...common, kind: 'non-autonomous', problem: timeWarpedProblem(autonomous, params.T), t0: WARPED_SPAN.tau0, t1: WARPED_SPAN.tau1 },
  ];
}

function vectorProbe(set: number, params: ConverseProbeParams): ConvergenceProbe {
  const flows = rotatedConverse(params, params.direction, REFERENCE_DIGITS);
  const wT = flows.weights(params.T);
  return {
    set,
    params,
    kind: 'vector',
    problem: timeWarpedProblem(gradientFlowProblem(flows.instance), params.T),
    t0: WARPED_SPAN.tau0,
    t1: WARPED_SPAN.tau1,
    referenceNorm: Math.hypot(...wT.map((w) => w.toNumber())),
    y0: new Float64Array(COMPONENT_KAPPA.length),
    relativeError: (y) => relativeDistance(flows.Decimal, y, wT, wT),
    relativeDistance: (y, t) => relativeDistance(flows.Decimal, y, flows.weights(t), wT),
  };
}

/**
 * The probes of the convergence study: `sets` parameter sets of the converse model drawn from `seed`
 * (log-uniform alpha, T, R0 in [1e-2, 1e2], kappa in [0.1, 1.5]), each as three problems:
 * the autonomous flow `dw/dt = (1/alpha) h'(w) (y* - alpha h(w))`, w(0) = 0, on [0, T]; its non-autonomous
 * time-warped twin (`timeWarpedProblem`); and the rotated three-component version (`rotatedConverse`, kappa
 * times 1, 1/2, 1/4), time-warped too. References are the closed form of {@link PreciseScalarFlow} at 30
 * digits, for the double-precision coefficients the integrator actually sees. The warped probes also widen the
 * asymptotic range of high-order methods: on the autonomous flow the local slopes of a 5th-order method
 * approach 5 from below until rounding takes over (about 4.9 at best), on the warped ones they settle first.
 */
export function converseProbes(sets: number, seed: number): ConvergenceProbe[] {
  return fc.sample(paramsArb, { seed, numRuns: sets }).flatMap((params, i) => [...scalarProbes(i + 1, params), vectorProbe(i + 1, params)]);
}

/**
 * The autonomous probe seen through an idling-then-jumping clock (`abruptClockProblem`) on tau in [1, 2]: for
 * adaptive solvers, a problem on which a correct step controller must reject steps. Same reference.
 */
export function abruptClockProbe(autonomous: ConvergenceProbe): ConvergenceProbe {
  return {
    ...autonomous,
    kind: 'abrupt-clock',
    problem: abruptClockProblem(autonomous.problem, autonomous.params.T),
    t0: WARPED_SPAN.tau0,
    t1: WARPED_SPAN.tau1,
  };
}

/** A short name of a probe for messages: `autonomous probe #2 (kappa=0.37)`. */
export function probeLabel(probe: ConvergenceProbe): string {
  return `${probe.kind} probe #${probe.set} (kappa=${significant(probe.params.kappa, 3)})`;
}

const ODE = "dw/dt = (1/alpha) h'(w) (y* - alpha h(w)), h(w) = a w + b w^2/2, a = 1/sqrt(T), b = lip, y* = sqrt(2 R0)";
const DESCRIPTION: Readonly<Record<ProbeKind, string>> = {
  autonomous: ODE,
  'non-autonomous': `dw/dtau = (2 T tau / 3) F(w), F the right-hand side of ${ODE} (the same flow in the clock t = T (tau^2 - 1) / 3)`,
  'abrupt-clock': `dw/dtau = g'(tau) F(w), g'(tau) = T (0.01 + 1/(1 + exp(-200 (tau - 1.5)))) / G(2), G(tau) = int_1^tau (0.01 + 1/(1 + exp(-200 (s - 1.5)))) ds, F the right-hand side of ${ODE}`,
  vector:
    'dw/dtau = (2 T tau / 3) F(w), F(w) = (1/alpha) J(w)^T (y* - alpha h(w)), h_k(w) = a z_k + b_k z_k^2/2, z = V^T w, ' +
    'V = I - 2 u u^T (u = direction normalized), a = 1/sqrt(T), y*_k = sqrt(2 R0 / 3), b_k from kappa_k = kappa x (1, 1/2, 1/4)',
};

/** A JSON description of a probe, enough to rebuild it: the ODE, its parameters, t0, t1 and y0. */
export function describeProbe(probe: ConvergenceProbe): Record<string, unknown> {
  return { kind: probe.kind, set: probe.set, ode: DESCRIPTION[probe.kind], ...probe.params, t0: probe.t0, t1: probe.t1, y0: Array.from(probe.y0) };
}
