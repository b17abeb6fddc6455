import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from './Instance.js';
import { finiteVector, nonNegativeNumber, oneOf, positiveNumber } from '../validate/validators.js';
import { schemaErrors } from '../validate/schemaErrors.js';
import { plainObject } from '../models/_internals/jsonShapes.js';
import { INSTANCE_SCHEMAS } from '../models/instanceSchema.js';
import type { ModelSpec } from '../models/InstanceJson.js';
import { meanFieldFromJson } from '../models/meanField.js';
import { quadraticFromJson } from '../models/quadratic.js';
import { scalarFromJson } from '../models/scalar.js';
import type { SmoothModel } from '../models/SmoothModel.js';

/** The inverse, `instanceToJson`, lives in its own file; re-exported here so the format has one import site. */
export { instanceToJson } from './instanceToJson.js';

type Kind = ModelSpec['kind'];

/** Per kind: how to build the model from the model record and the top-level w0 (its keys: INSTANCE_SCHEMAS). */
const FAMILIES: Readonly<Record<Kind, { build(model: Record<string, unknown>, top: Record<string, unknown>): SmoothModel }>> = {
  quadratic: { build: (model, top) => quadraticFromJson(model, top.w0, 'model.') },
  scalar: { build: (model, top) => scalarFromJson(model, finiteVector('w0', top.w0, 1)[0] as number, 'model.') },
  meanField: {
    build: (model, top) => {
      if (top.w0 !== undefined) throw new NtkInputError('w0', top.w0, 'absent for model.kind="meanField" (w0 = (a, U))');
      return meanFieldFromJson(model, 'model.');
    },
  },
};

const KINDS = Object.keys(FAMILIES) as Kind[];

/**
 * Parse a JSON instance (already JSON.parse'd; format in `InstanceJson`, schema in `InstanceSchema`) into an
 * `Instance`, validating every field against the JSON Schema and beyond it: an unknown key anywhere (`model.Qx`,
 * a misspelt `alhpa`; `$schema` is allowed) is reported first, naming the key and the allowed ones; then unknown
 * `model.kind`, wrong shapes, non-finite numbers, alpha <= 0, T < 0 and missing fields throw NtkInputError naming
 * the JSON path (`model.G[1][3]`, `yStar`, ...); last, anything else the schema rejects.
 */
export function parseInstance(json: unknown): Instance {
  const top = plainObject('instance', json);
  const model = plainObject('model', top.model);
  const kind = oneOf('model.kind', model.kind, KINDS);
  const schema = schemaErrors(INSTANCE_SCHEMAS[kind], json, 'instance');
  if (schema.unknownKeys[0] !== undefined) throw schema.unknownKeys[0];
  const built = FAMILIES[kind].build(model, top);
  const instance = {
    model: built,
    yStar: finiteVector('yStar', top.yStar, built.n),
    alpha: positiveNumber('alpha', top.alpha),
    T: nonNegativeNumber('T', top.T),
  };
  if (schema.others[0] !== undefined) throw schema.others[0];
  return instance;
}
