import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteVector, nonNegativeNumber, positiveNumber, sameDimension } from '../validate/validators.js';
import type { Instance } from './Instance.js';

/** Check an instance before any solve: alpha > 0, T >= 0 finite, y* finite of length n, w0 finite of length p. */
export function validateInstance(instance: Instance): Instance {
  const { model } = instance;
  if (model === null || typeof model !== 'object') throw new NtkInputError('model', model, 'a SmoothModel');
  positiveNumber('alpha', instance.alpha);
  nonNegativeNumber('T', instance.T);
  finiteVector('yStar', instance.yStar);
  sameDimension('yStar.length', instance.yStar.length, model.n);
  finiteVector('w0', model.w0);
  sameDimension('w0.length', model.w0.length, model.p);
  return instance;
}
