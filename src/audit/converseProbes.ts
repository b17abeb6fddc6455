import fc from 'fast-check';
import { logUniform } from '../../arbitraries/logUniform.js';
import type { Instance } from '../flow/Instance.js';
import { converseModel } from '../models/scalar.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import type { AuditProblem } from './AuditProblem.js';
import { gradientFlowProblem } from './gradientFlowProblem.js';
import { timeWarpedProblem, WARPED_SPAN } from './timeWarpedProblem.js';

/** The autonomous converse flow on [0, T], or its time-warped, non-autonomous twin on tau in [1, 2]. */
export type ProbeKind = 'autonomous' | 'non-autonomous';

/** One generated parameter set of the converse model (THEORY.md, "The converse model in closed form"). */
export interface ConverseProbeParams {
  readonly alpha: number;
  readonly T: number;
  readonly R0: number;
  /** Lip(Dh) = b, set from kappa. */
  readonly lip: number;
  /** kappa = T Lip(Dh) sqrt(R0) / alpha: the one dimensionless parameter of the flow. */
  readonly kappa: number;
}

/** A scalar initial value problem with a 30-digit reference for its final value. */
export interface ConvergenceProbe {
  /** 1-based index of the parameter set. */
  readonly set: number;
  readonly kind: ProbeKind;
  readonly params: ConverseProbeParams;
  readonly problem: AuditProblem;
  readonly t0: number;
  readonly t1: number;
  readonly y0: Float64Array;
  /** |y - w(T)| / |w(T)|, computed in decimal.js against the closed form. */
  relativeError(y: number): number;
  /** |y - w(t)| / |w(T)| for any time t >= 0 of the autonomous clock (for diagnoses). */
  relativeDistance(y: number, t: number): number;
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

const paramsArb = fc.noBias(fc
  .record({ alpha: logUniform(...SCALE), T: logUniform(...SCALE), R0: logUniform(...SCALE), kappa: logUniform(...KAPPA) })
  .map((d): ConverseProbeParams => ({ ...d, lip: (d.kappa * d.alpha) / (d.T * Math.sqrt(d.R0)) })));

function probesOf(set: number, params: ConverseProbeParams): ConvergenceProbe[] {
  const model = converseModel({ T: params.T, lip: params.lip });
  const yStar = Math.sqrt(2 * params.R0);
  const instance: Instance = { model, yStar: Float64Array.of(yStar), alpha: params.alpha, T: params.T };
  const exact = new PreciseScalarFlow({ a: model.a, b: model.b, w0: 0, yStar, alpha: params.alpha }, { digits: REFERENCE_DIGITS });
  const wT = exact.at(params.T).w;
  const relative = (y: number, w: typeof wT) => new exact.Decimal(y).minus(w).abs().div(wT.abs()).toNumber();
  const common = {
    set,
    params,
    y0: Float64Array.of(0),
    relativeError: (y: number) => relative(y, wT),
    relativeDistance: (y: number, t: number) => relative(y, exact.at(t).w),
  };
  const autonomous = gradientFlowProblem(instance);
  return [
    { ...common, kind: 'autonomous', problem: autonomous, t0: 0, t1: params.T },
    { ...common, kind: 'non-autonomous', problem: timeWarpedProblem(autonomous, params.T), t0: WARPED_SPAN.tau0, t1: WARPED_SPAN.tau1 },
  ];
}

/**
 * The probes of the convergence study: `sets` parameter sets of the converse model drawn from `seed`
 * (log-uniform alpha, T, R0 in [1e-2, 1e2], kappa in [0.1, 1.5]), each as the autonomous flow
 * `dw/dt = (1/alpha) h'(w) (y* - alpha h(w))`, w(0) = 0, on [0, T] and as its non-autonomous time-warped twin;
 * the reference w(T) is the closed form of {@link PreciseScalarFlow} at 30 digits, for the double-precision
 * coefficients the integrator actually sees.
 */
export function converseProbes(sets: number, seed: number): ConvergenceProbe[] {
  return fc.sample(paramsArb, { seed, numRuns: sets }).flatMap((params, i) => probesOf(i + 1, params));
}

/** A short name of a probe for messages: `autonomous probe #2 (kappa=0.37)`. */
export function probeLabel(probe: ConvergenceProbe): string {
  return `${probe.kind} probe #${probe.set} (kappa=${probe.params.kappa.toPrecision(3)})`;
}

/** A JSON description of a probe, enough to rebuild it: the ODE, its parameters, t0, t1 and y0. */
export function describeProbe(probe: ConvergenceProbe): Record<string, unknown> {
  const ode = "dw/dt = (1/alpha) h'(w) (y* - alpha h(w)), h(w) = a w + b w^2/2, a = 1/sqrt(T), b = lip, y* = sqrt(2 R0)";
  const warped = `dw/dtau = (2 T tau / 3) F(w) with F the right-hand side of ${ode} (t = T (tau^2 - 1) / 3)`;
  return { kind: probe.kind, set: probe.set, ode: probe.kind === 'autonomous' ? ode : warped, ...probe.params, t0: probe.t0, t1: probe.t1, y0: Array.from(probe.y0) };
}
