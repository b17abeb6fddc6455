import { readFile } from 'node:fs/promises';
import { NtkInputError } from '../errors/NtkInputError.js';

/** Read and parse a JSON file; unreadable or malformed files become NtkInputError naming the flag. */
export async function readJsonFile(flag: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new NtkInputError(flag, path, `a readable file (${code})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new NtkInputError(flag, path, `a JSON file (${error instanceof Error ? error.message : 'parse error'})`);
  }
}
