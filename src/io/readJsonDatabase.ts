import { readFileSync } from 'node:fs';
import type { Static, TSchema } from '@sinclair/typebox';
import { NtkInputError } from '../errors/NtkInputError.js';
import { schemaErrors } from '../validate/schemaErrors.js';

/**
 * Read a JSON file and validate it against a TypeBox schema (the library of the instance schema). A file that is
 * not JSON, or that breaks the schema, throws a one-line NtkInputError naming the file and the JSON path of the
 * first violation (`properties/worst-cases.json: thm-1.2.restored.ratio="x" must be as the schema says (...)`).
 * A missing file throws the file system's ENOENT error (callers decide what an absent database means).
 */
export function readJsonDatabase<S extends TSchema>(path: string, schema: S): Static<S> {
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NtkInputError(path, `${text.slice(0, 40)}...`, `JSON (${(error as SyntaxError).message})`);
  }
  const { unknownKeys, others } = schemaErrors(schema, parsed, '(root)');
  const first = others[0] ?? unknownKeys[0];
  if (first !== undefined) throw new NtkInputError(`${path}: ${first.parameter}`, first.value, first.requirement);
  return parsed as Static<S>;
}
