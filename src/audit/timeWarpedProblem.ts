import type { AuditProblem } from './AuditProblem.js';

/** The interval [TAU0, TAU1] of the warped clock tau. */
export const WARPED_SPAN = { tau0: 1, tau1: 2 } as const;

/**
 * A non-autonomous version of an autonomous problem y' = F(y) on [0, T]: in the clock tau in [1, 2] with
 * t = g(tau) = T (tau^2 - 1) / 3, y(tau) solves `dy/dtau = g'(tau) F(y) = (2 T tau / 3) F(y)`, so y(tau = 2) is the
 * original y(T), and any reference for one is a reference for the other. An integrator that evaluates f at the
 * wrong t (a frozen clock, or t counted from 0 instead of t0) converges to something else.
 */
export function timeWarpedProblem(autonomous: AuditProblem, T: number): AuditProblem {
  const scale = (2 * T) / 3;
  return {
    dim: autonomous.dim,
    rhs(tau, y) {
      return autonomous.rhs(tau, y).map((x) => scale * tau * x);
    },
    ...(autonomous.spec === undefined ? {} : { spec: { ...autonomous.spec, warp: { kind: 'smooth', T } } }),
  };
}
