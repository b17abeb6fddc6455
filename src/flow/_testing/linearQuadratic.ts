import { type QuadraticInput, type QuadraticModel, quadraticModel } from '../../models/quadratic.js';

/**
 * The quadratic model with Q = 0 (test-only): h(w) = h0 + G (w - w0), linear, so Lip(Dh) = 0 and the flow
 * coincides with its linearization.
 */
export function linearQuadratic(spec: Omit<QuadraticInput, 'Q'>): QuadraticModel {
  const p = spec.w0.length;
  const Q = Array.from({ length: spec.h0.length }, () => Array.from({ length: p }, () => new Array<number>(p).fill(0)));
  return quadraticModel({ ...spec, Q });
}
