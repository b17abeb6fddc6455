import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from '../flow/Instance.js';
import { parseInstance } from '../flow/parseInstance.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * Read an instance file (format and JSON Schema: schema/instance.schema.json) given by `flag`, validated by
 * `parseInstance`; its errors name the file and the JSON path: `x.json: model.Qx=1 must be absent (unknown key; ...)`.
 */
export async function readInstanceFile(flag: string, path: string): Promise<Instance> {
  const json = await readJsonFile(flag, path);
  try {
    return parseInstance(json);
  } catch (error) {
    if (!(error instanceof NtkInputError)) throw error;
    throw new NtkInputError(`${path}: ${error.parameter}`, error.value, error.requirement);
  }
}
