import { join } from 'node:path';
import { projectRoot } from './projectRoot.js';

/** The case databases ntk-check ships read-only, by name, as paths inside the package. */
export const SHIPPED_DATABASES = {
  /** statement id -> reading -> certified, shrunk counterexample of every refuted reading (`ntk-check errata`). */
  errata: 'properties/errata.json',
  /** statement id -> reading -> hardest case the targeted search found (`ntk-check search`). */
  worstCases: 'properties/worst-cases.json',
} as const;

/** Name of a shipped case database. */
export type ShippedDatabase = keyof typeof SHIPPED_DATABASES;

/**
 * Absolute path of a case database shipped with ntk-check, located relative to the installed package (its own
 * package.json), never to the working folder: read-only. Commands that regenerate a database write to the
 * working folder or to `--db` instead (see `databaseTarget`).
 */
export function shippedDatabase(name: ShippedDatabase): string {
  return join(projectRoot(), SHIPPED_DATABASES[name]);
}
