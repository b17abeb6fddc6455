import type { SmoothModel } from '../models/SmoothModel.js';
import { roundUp } from '../models/_internals/certified.js';
import { smallestAdmissibleRadius } from './smallestAdmissibleRadius.js';

/**
 * A radius proved to contain the gradient-flow path up to time t, ||w(s) - w0|| <= rho for every s <= t, computed
 * from the instance alone (never from sampled points of the solved path, which can miss its farthest point):
 * the smaller of two certified radii.
 * - Energy: R0 - R(t) = alpha^2 int_0^t ||dw/ds||^2 ds (proof of (18)) and Cauchy-Schwarz give
 *   ||w(t) - w0|| <= int_0^t ||dw/ds|| ds <= sqrt(t int_0^t ||dw/ds||^2 ds) <= sqrt(t R0) / alpha.
 * - Speed (Prop 1.1's time limit): the smallest rho with t Lip(h; rho) ||r(0)|| <= alpha rho. Inside B(w0, rho) the
 *   speed ||dw/ds|| = ||J^T r|| / alpha is at most Lip(h; rho) ||r(0)|| / alpha (||r|| is non-increasing), so the
 *   path cannot leave the ball before t; absent when no radius up to 1e300 is admissible.
 * Both are rounded up past their float rounding.
 */
export function certifiedRadius(model: SmoothModel, R0: number, alpha: number, t: number): number {
  const energy = roundUp(Math.sqrt(t * R0) / alpha, 4);
  const speed = smallestAdmissibleRadius((rho) => model.lipH(rho), t, roundUp(Math.sqrt(2 * R0), 2), alpha);
  return speed === undefined ? energy : Math.min(energy, speed);
}
