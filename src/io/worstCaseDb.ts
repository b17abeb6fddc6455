import { statSync } from 'node:fs';
import { WorstCaseDbSchema } from './caseDatabaseSchemas.js';
import { readJsonDatabase } from './readJsonDatabase.js';
import { shippedDatabase } from './shippedDatabase.js';

/**
 * The stored worst case of one reading: the case with the largest tightness ratio the targeted search found
 * (a certified counterexample when `verdict` is 'violation'), replayed first by every check of that reading.
 */
export interface WorstCaseEntry {
  /** The case, as the statement's `describe` writes it (its `revive` reads it back). */
  readonly case: unknown;
  /** Tightness at the tight measurement: lhs/rhs, or rhs/lhs for a lower bound. */
  readonly ratio: number;
  readonly verdict: 'pass' | 'violation';
  /** The re-check agreed: verdict beyond its uncertainty, and the ratio within 1e-6 across methods. */
  readonly certified: boolean;
  /** Methods of the re-check, e.g. ['rtol/100'] or ['rtol/100', 'decimal']. */
  readonly methods: readonly string[];
  /** The search that found it: seed, measure() calls, and the worst ratio of random sampling at that budget. */
  readonly seed: number;
  readonly evaluations: number;
  readonly randomWorstRatio?: number;
  /** The optimizer of the search (absent in entries written before there was a choice). */
  readonly optimizer?: string;
  /** The worst case of each branch of the bound's min ('kappa', 'saturated', ...), each searched on its own. */
  readonly branches?: Readonly<Record<string, BranchWorstEntry>>;
}

/** The stored worst case of one branch of a reading's bound. */
export interface BranchWorstEntry {
  readonly case: unknown;
  readonly ratio: number;
  /** The re-check agreed, and kept the case in this branch. */
  readonly certified: boolean;
  readonly seed: number;
  readonly evaluations: number;
}

/** statement id -> reading name -> its stored worst case. Committed in properties/worst-cases.json. */
export type WorstCaseDb = Readonly<Record<string, Readonly<Record<string, WorstCaseEntry>>>>;

/** Path of the worst-case database shipped with the package (read-only; committed in properties/). */
export function worstCasesPath(): string {
  return shippedDatabase('worstCases');
}

let cache: { path: string; mtimeMs: number; db: WorstCaseDb } | undefined;

/**
 * Load the worst-case database (empty when the file does not exist), validated against its schema (a corrupt file
 * throws one line naming the file and the JSON path); re-read only when the file changed.
 */
export function loadWorstCases(path = worstCasesPath()): WorstCaseDb {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  if (cache?.path === path && cache.mtimeMs === mtimeMs) return cache.db;
  // Typed as WorstCaseDb without a cast: the schema's type must fit WorstCaseEntry, so the two cannot drift apart.
  const db: WorstCaseDb = readJsonDatabase(path, WorstCaseDbSchema);
  cache = { path, mtimeMs, db };
  return cache.db;
}
