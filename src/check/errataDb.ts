import { ErrataDbSchema } from '../io/caseDatabaseSchemas.js';
import { readJsonDatabase } from '../io/readJsonDatabase.js';
import { shippedDatabase } from '../io/shippedDatabase.js';
import type { Counterexample } from './checkReading.js';

/** statement id -> reading name -> its certified, shrunk counterexample. Committed in properties/errata.json. */
export type ErrataDb = Readonly<Record<string, Readonly<Record<string, Counterexample>>>>;

/** Path of the errata / counterexample database shipped with the package (read-only; committed in properties/). */
export function errataPath(): string {
  return shippedDatabase('errata');
}

/**
 * Load the errata database (empty when the file does not exist yet), validated against its schema: a corrupt file
 * throws one line naming the file and the JSON path.
 */
export function loadErrata(path = errataPath()): ErrataDb {
  try {
    // Typed as ErrataDb without a cast: the schema's type must fit Counterexample, so the two cannot drift apart.
    const db: ErrataDb = readJsonDatabase(path, ErrataDbSchema);
    return db;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
