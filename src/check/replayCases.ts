import { NtkError } from '../errors/NtkError.js';
import type { Statement } from '../statements/Statement.js';
import { loadWorstCases, worstCasesPath, type WorstCaseDb } from '../io/worstCaseDb.js';

/**
 * The stored worst case of a reading, revived, then the stored worst case of each branch of its bound: the first example of every check of it, so a regression on
 * the hardest known case shows at once and deterministically. Empty when none is stored. A stored case the
 * statement can no longer revive is an error that names the refresh command.
 */
export function replayCases<C, M>(statement: Statement<C, M>, readingName: string, db: WorstCaseDb = loadWorstCases()): C[] {
  const entry = db[statement.id]?.[readingName];
  if (entry === undefined) return [];
  try {
    const branchCases = Object.values(entry.branches ?? {}).map((b) => b.case);
    const cases = [entry.case, ...branchCases.filter((c) => JSON.stringify(c) !== JSON.stringify(entry.case))];
    return cases.map((c) => statement.revive(c));
  } catch (error) {
    if (!(error instanceof NtkError)) throw error;
    throw new NtkError(
      `${worstCasesPath()}: ${statement.id}/${readingName} no longer revives (${error.message}); refresh it with ntk-check search --all --write --db properties/worst-cases.json`,
    );
  }
}
