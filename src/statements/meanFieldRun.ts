import { NtkInputError } from '../errors/NtkInputError.js';
import type { Run } from '../flow/Run.js';
import { meanFieldA } from '../models/lemma21.js';
import { MeanFieldModel } from '../models/meanField.js';
import { sampleTimes } from './trajectoryPoint.js';

/** The mean-field net of a run (the statements of Sec. 2 are about no other model). */
export function meanFieldOf(run: Run): MeanFieldModel {
  const { model } = run.instance;
  if (!(model instanceof MeanFieldModel)) throw new NtkInputError('instance.model.kind', model.kind, "'meanField'");
  return model;
}

/**
 * max over the trajectory of A(t) = sqrt(m) max_i |a_i(w(t))| (docs/theory.md: the region of Lemma 2.1's hypothesis
 * (ii)), sampled at w0, every point of the solver mesh and every step midpoint (the dense output in between).
 * A sampled maximum: a lower estimate of the sup over [0, T], recorded, never fed into a certified bound.
 */
export function trajectoryMaxA(run: Run): number {
  const model = meanFieldOf(run);
  const w = new Float64Array(model.p);
  let A = meanFieldA(model, model.w0);
  for (const t of sampleTimes(run, Number.MAX_SAFE_INTEGER)) A = Math.max(A, meanFieldA(model, run.nonlinear.trajectory.weights(t, w)));
  return A;
}

/**
 * The magnitude of the operands E(t) = ||r(t) - rbar(t)|| is computed from: ||r(0)||, and the terms alpha h(w) is
 * summed from, alpha (n m)^(-1/2) sum_i |a_i sigma(z_ij)| per output, <= alpha m^(-1/2) ||a(w)||_1 sup|sigma| over
 * the n outputs. When y* is small next to those terms (tiny R0, large alpha), r = y* - alpha h(w) carries rounding
 * errors far above rtol ||r(0)||, and the primary and tight runs share them where w(t) agrees to the last digit
 * (small t): this scale keeps such noise below the judge's floor instead of letting it pass as a certified margin.
 */
export function residualScale(run: Run, w: Float64Array): number {
  const model = meanFieldOf(run);
  let aNorm1 = 0;
  for (let i = 0; i < model.m; i++) aNorm1 += Math.abs(w[i] as number);
  return Math.max(Math.sqrt(2 * run.R0), (run.instance.alpha * aNorm1 * model.activation.supAbs) / Math.sqrt(model.m));
}
