import { InstanceSchema } from './instanceSchema.js';

/** Where the package ships the instance schema (relative to its root); `npm run schema` writes it. */
export const INSTANCE_SCHEMA_FILE = 'schema/instance.schema.json';

/**
 * The text of schema/instance.schema.json: the TypeBox `InstanceSchema` as a draft-07 JSON Schema (what editors
 * load from an instance's `$schema` key). A test keeps the committed file equal to it.
 */
export function instanceSchemaText(): string {
  const document = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ntk-check instance',
    description:
      'One instance of gradient flow on the square loss: a model h (quadratic, scalar or mean-field), w0, the target y*, the scale alpha and the horizon T. Read by `ntk-check solve --instance FILE.json`.',
    ...InstanceSchema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
