import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { NtkInputError } from '../errors/NtkInputError.js';
import { didYouMean } from './didYouMean.js';

/** A JSON Pointer (`/model/G/1/2`) as the path the error messages use (`model.G[1][2]`). */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`), '');
}

/** The keys a JSON Pointer's parent object may have under `schema` (an object schema's properties). */
function allowedKeys(schema: TSchema, pointer: string): string[] {
  let node: TSchema | undefined = schema;
  for (const key of pointer.split('/').slice(1, -1)) {
    const properties = node?.properties as Record<string, TSchema> | undefined;
    node = /^\d+$/.test(key) ? (node?.items as TSchema | undefined) : properties?.[key];
  }
  return Object.keys((node?.properties as Record<string, TSchema> | undefined) ?? {});
}

/** The result of {@link schemaErrors}: unknown keys apart from every other violation, each an NtkInputError. */
export interface SchemaErrors {
  /** Keys the schema does not allow (`additionalProperties: false`), naming the path, the value and the allowed keys. */
  readonly unknownKeys: readonly NtkInputError[];
  /** Any other violation (a type, a missing key, a range), naming the path and the value. */
  readonly others: readonly NtkInputError[];
}

/**
 * Validate a JSON value against a TypeBox schema (which is JSON Schema) with TypeBox's own validator, and turn
 * each violation into an NtkInputError `path=value must be ...` (`root` names the value itself): an unknown key reads `model.Qx=1 must be absent
 * (unknown key; did you mean Q?; allowed: kind, h0, G, Q)`.
 */
export function schemaErrors(schema: TSchema, value: unknown, root: string): SchemaErrors {
  const unknownKeys: NtkInputError[] = [];
  const others: NtkInputError[] = [];
  for (const error of Value.Errors(schema, value)) {
    const path = pointerToPath(error.path);
    if (error.type === ValueErrorType.ObjectAdditionalProperties) {
      const key = error.path.split('/').at(-1) ?? '';
      const allowed = allowedKeys(schema, error.path);
      unknownKeys.push(
        new NtkInputError(path, error.value, `absent (unknown key${didYouMean(key, allowed).replace(/^ \((.*)\)$/, '; $1')}; allowed: ${allowed.join(', ')})`),
      );
    } else others.push(new NtkInputError(path === '' ? root : path, error.value, `as the schema says (${error.message.toLowerCase()})`));
  }
  return { unknownKeys, others };
}
