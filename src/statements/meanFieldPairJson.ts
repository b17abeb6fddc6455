import { NtkInputError } from '../errors/NtkInputError.js';
import { toJsonArray } from '../models/_internals/jsonShapes.js';
import { meanFieldFromJson } from '../models/meanField.js';
import { finiteVector } from '../validate/validators.js';
import type { MeanFieldPair } from '../../arbitraries/MeanFieldPair.js';

/** The JSON description of a Lemma 2.1 case: the net (`MeanFieldSpec`, w0 = (a, U)), u, v and the generator's labels. */
export function describeMeanFieldPair(c: MeanFieldPair): unknown {
  return { model: c.model.toSpec(), u: toJsonArray(c.u), v: toJsonArray(c.v), direction: c.direction, init: c.init };
}

/** The inverse of {@link describeMeanFieldPair}, validated like an instance file (errors name `case.<field>`). */
export function reviveMeanFieldPair(description: unknown): MeanFieldPair {
  if (description === null || typeof description !== 'object') throw new NtkInputError('case', description, 'an object');
  const d = description as Record<string, unknown>;
  if (d.model === null || typeof d.model !== 'object') throw new NtkInputError('case.model', d.model, 'a mean-field model object');
  const model = meanFieldFromJson(d.model as Record<string, unknown>, 'case.model.');
  return {
    model,
    u: finiteVector('case.u', d.u, model.p),
    v: finiteVector('case.v', d.v, model.p),
    direction: String(d.direction),
    init: String(d.init),
  };
}
