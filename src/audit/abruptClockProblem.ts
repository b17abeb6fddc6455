import type { AuditProblem } from './AuditProblem.js';
import { WARPED_SPAN } from './timeWarpedProblem.js';

/** The clock's resting speed, as a fraction of its speed after the jump. */
const RESTING_SPEED = 0.01;
/** Steepness k of the jump (its width is about 4 / k in tau) and where it happens. */
const STEEPNESS = 200;
const JUMP_AT = 1.5;

/** softplus(x) = log(1 + e^x), without overflow. */
const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));
/** G(tau) = int_1^tau (eps + sigma(k (s - m))) ds, sigma the logistic function. */
const clock = (tau: number) =>
  RESTING_SPEED * (tau - WARPED_SPAN.tau0) + (softplus(STEEPNESS * (tau - JUMP_AT)) - softplus(STEEPNESS * (WARPED_SPAN.tau0 - JUMP_AT))) / STEEPNESS;

/**
 * An autonomous problem y' = F(y) on [0, T] seen through a clock that idles and then jumps: t = g(tau) =
 * T G(tau) / G(2) on tau in [1, 2], g'(tau) = T (eps + sigma(k (tau - 1.5))) / G(2) with eps = 0.01, k = 200. The
 * solution barely moves until tau = 1.5 and then, within about 0.02 in tau, starts moving a hundred times
 * faster: an adaptive solver that has grown its step on the idle part must reject the steps that cross the
 * jump. y(tau = 2) is y(T) (g(2) = T), so the autonomous problem's reference serves.
 */
export function abruptClockProblem(autonomous: AuditProblem, T: number): AuditProblem {
  const scale = T / clock(WARPED_SPAN.tau1);
  return {
    dim: autonomous.dim,
    rhs(tau, y) {
      const speed = scale * (RESTING_SPEED + 1 / (1 + Math.exp(-STEEPNESS * (tau - JUMP_AT))));
      return autonomous.rhs(tau, y).map((x) => speed * x);
    },
    ...(autonomous.spec === undefined ? {} : { spec: { ...autonomous.spec, warp: { kind: 'abrupt', T } } }),
  };
}
