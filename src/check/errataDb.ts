import { readFileSync } from 'node:fs';
import { shippedDatabase } from '../io/shippedDatabase.js';
import type { Counterexample } from './checkReading.js';

/** statement id -> reading name -> its certified, shrunk counterexample. Committed in properties/errata.json. */
export type ErrataDb = Readonly<Record<string, Readonly<Record<string, Counterexample>>>>;

/** Path of the errata / counterexample database shipped with the package (read-only; committed in properties/). */
export function errataPath(): string {
  return shippedDatabase('errata');
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
