import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from './Instance.js';
import { finiteVector, nonNegativeNumber, positiveNumber } from '../validate/validators.js';
import { toJsonArray } from '../models/_internals/jsonShapes.js';
import type { InstanceJson } from '../models/InstanceJson.js';

/**
 * The JSON form of an instance (inverse of `parseInstance`: `parseInstance(instanceToJson(i))` rebuilds the
 * same model, w0, y*, alpha and T, bit for bit (with -0 written as 0), and `JSON.stringify` of the result
 * round-trips exactly).
 * The model must implement `toSpec()`. A structured quadratic is written as its dense Q, so the replayed model
 * has the certified (not the exact) Lip(Dh), equal up to rounding; a converse model is written as a plain scalar.
 */
export function instanceToJson(instance: Instance): InstanceJson {
  const { model } = instance;
  if (typeof model.toSpec !== 'function') throw new NtkInputError('instance.model', model.kind, 'a model with toSpec() (a JSON family)');
  const spec = model.toSpec();
  return {
    model: spec,
    ...(spec.kind === 'meanField' ? {} : { w0: toJsonArray(finiteVector('instance.model.w0', model.w0, model.p)) }),
    yStar: toJsonArray(finiteVector('instance.yStar', instance.yStar, model.n)),
    alpha: positiveNumber('instance.alpha', instance.alpha),
    T: nonNegativeNumber('instance.T', instance.T),
  };
}
