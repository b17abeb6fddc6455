import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot.js';
import type { Counterexample } from './checkReading.js';

/** statement id -> reading name -> its certified, shrunk counterexample. Committed in properties/errata.json. */
export type ErrataDb = Readonly<Record<string, Readonly<Record<string, Counterexample>>>>;

/** Path of the committed errata / counterexample database. */
export function errataPath(): string {
  return join(projectRoot(), 'properties', 'errata.json');
}

/** Load the errata database (empty when the file does not exist yet). */
export function loadErrata(path = errataPath()): ErrataDb {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ErrataDb;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
