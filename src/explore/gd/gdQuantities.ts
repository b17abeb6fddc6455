import { kappa } from '../../flow/kappa.js';
import { norm2 } from '../../linalg/dense.js';
import type { Measured, Reference } from '../../statements/Statement.js';
import type { GdCase } from './GdCase.js';
import { gradientDescent } from './gradientDescent.js';
import { preciseDescent } from './preciseDescent.js';

/** What a GD conjecture measures on a case: E_GD(T) and the quantities of Thm 1.2's bound, T = K eta. */
export interface GdQuantities {
  /** E_GD(T) = ||r_K - rbar_K||. */
  readonly E: number;
  readonly R0: number;
  /** kappa = T Lip(Dh) sqrt(R0) / alpha with the global certified Lip(Dh) (the iterates may leave any ball). */
  readonly kappa: number;
  readonly etaLambda: number;
  /** Operand scale of residual quantities: max(||r(0)||, max_k ||r_k||, ||y*|| + alpha ||h(w0)||). */
  readonly rScale: number;
}

/**
 * Measure a GD case: the float descents (primary, and again as the tight measurement: GD has no tolerance to
 * tighten), and on demand the decimal descents of `preciseDescent` as the second method. The reference's E is moved
 * away from the float E by the decimal evaluation's own error estimate, so the judge's uncertainty
 * |E_reference - E_float| covers the float rounding and the decimal rounding both.
 */
export function measureGd(c: GdCase): Measured<GdQuantities> {
  const { instance, eta, steps } = c;
  const run = gradientDescent(instance, eta, steps);
  const R0 = 0.5 * norm2(run.r0) ** 2;
  const T = eta * steps;
  const { model, alpha, yStar } = instance;
  const q: GdQuantities = {
    E: norm2(run.r.map((x, i) => x - (run.rbar[i] as number))),
    R0,
    kappa: kappa(T, model.lipDh(Infinity), R0, alpha),
    etaLambda: c.etaLambda,
    rScale: Math.max(norm2(run.r0), run.maxResidual, norm2(yStar) + alpha * norm2(model.value(model.w0))),
  };
  let reference: Reference<GdQuantities> | undefined;
  return {
    primary: q,
    tight: q,
    tightAccuracy: 0,
    cost: steps,
    // The decimal descent, moved by its own error estimate towards the float value (so the margin is never
    // overstated), with that estimate as its error bound relative to the operand scale.
    reference: () => {
      if (reference === undefined) {
        const precise = preciseDescent(instance, eta, steps);
        const measurement = { ...q, E: precise.E + Math.sign(precise.E - q.E) * precise.error };
        reference = { measurement, method: 'decimal-descent', digits: precise.digits, errorBound: precise.error / q.rScale };
      }
      return reference;
    },
  };
}
