import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from '../flow/Instance.js';
import { finiteVector, nonNegativeNumber, oneOf, positiveNumber } from '../validate/validators.js';
import { onlyKeys, plainObject } from './_internals/jsonShapes.js';
import type { ModelSpec } from './InstanceJson.js';
import { meanFieldFromJson } from './meanField.js';
import { quadraticFromJson } from './quadratic.js';
import { scalarFromJson } from './scalar.js';
import type { SmoothModel } from './SmoothModel.js';

/** The inverse, `instanceToJson`, lives in its own file; re-exported here so the format has one import site. */
export { instanceToJson } from './instanceToJson.js';

type Kind = ModelSpec['kind'];

/** Per kind: the fields of `model`, and how to build it from the model record and the top-level w0. */
const FAMILIES: Readonly<Record<Kind, { fields: readonly string[]; build(model: Record<string, unknown>, top: Record<string, unknown>): SmoothModel }>> = {
  quadratic: { fields: ['kind', 'h0', 'G', 'Q'], build: (model, top) => quadraticFromJson(model, top.w0, 'model.') },
  scalar: { fields: ['kind', 'a', 'b'], build: (model, top) => scalarFromJson(model, finiteVector('w0', top.w0, 1)[0] as number, 'model.') },
  meanField: {
    fields: ['kind', 'activation', 'x', 'a', 'U'],
    build: (model, top) => {
      if (top.w0 !== undefined) throw new NtkInputError('w0', top.w0, 'absent for model.kind="meanField" (w0 = (a, U))');
      return meanFieldFromJson(model, 'model.');
    },
  },
};

const KINDS = Object.keys(FAMILIES) as Kind[];

/**
 * Parse a JSON instance (already JSON.parse'd; format in `InstanceJson`) into an `Instance`, validating every
 * field: unknown `model.kind`, wrong shapes, non-finite numbers, alpha <= 0, T < 0, missing or unexpected
 * model fields throw NtkInputError naming the JSON path (`model.G[1][3]`, `yStar`, ...). Unknown top-level
 * fields are ignored (room for metadata such as a seed); unknown fields inside `model` are rejected.
 */
export function parseInstance(json: unknown): Instance {
  const top = plainObject('instance', json);
  const model = plainObject('model', top.model);
  const family = FAMILIES[oneOf('model.kind', model.kind, KINDS)];
  onlyKeys('model.', model, family.fields);
  const built = family.build(model, top);
  return {
    model: built,
    yStar: finiteVector('yStar', top.yStar, built.n),
    alpha: positiveNumber('alpha', top.alpha),
    T: nonNegativeNumber('T', top.T),
  };
}
