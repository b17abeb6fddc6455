import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteVector, nonNegativeNumber, positiveNumber, sameDimension } from '../validate/validators.js';
import type { Instance } from './Instance.js';
import { modelAtW0 } from './modelAtW0.js';

/**
 * Check an instance before any solve: alpha > 0, T >= 0 finite, y* finite of length n, w0 finite of length p, and
 * the model finite where the flows start: h(w0), J(w0) and r(0) = y* - alpha h(w0) (a model that overflows at w0,
 * e.g. b w0^2 / 2 with b = w0 = 1e308, is named here instead of failing deep inside a solve; `modelAtW0`, once per
 * model).
 */
export function validateInstance(instance: Instance): Instance {
  const { model } = instance;
  if (model === null || typeof model !== 'object') throw new NtkInputError('model', model, 'a SmoothModel');
  positiveNumber('alpha', instance.alpha);
  nonNegativeNumber('T', instance.T);
  finiteVector('yStar', instance.yStar);
  sameDimension('yStar.length', instance.yStar.length, model.n);
  finiteVector('w0', model.w0);
  sameDimension('w0.length', model.w0.length, model.p);
  const { h0 } = modelAtW0(model);
  const badResidual = h0.findIndex((h, k) => !Number.isFinite((instance.yStar[k] as number) - instance.alpha * h));
  if (badResidual >= 0) throw new NtkInputError(`r(0)[${badResidual}] = yStar - alpha h(w0)`, Number.POSITIVE_INFINITY, 'finite (alpha h(w0) overflows)');
  return instance;
}
