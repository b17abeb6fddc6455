import type { AnyStatement } from '../statements/Statement.js';
import { checkReading, type Counterexample } from './checkReading.js';
import type { ErrataDb } from './errataDb.js';
import type { Profile } from './profile.js';

/**
 * Search every reading the registry records as refuted (mutants excluded: they must be refuted by generation
 * alone) and collect its certified, shrunk counterexample. A reading the search no longer refutes is reported
 * in `survivors` — its registry verdict is then wrong.
 */
export function collectErrata(statements: readonly AnyStatement[], profile: Profile, seed: number): { errata: ErrataDb; survivors: string[] } {
  const errata: Record<string, Record<string, Counterexample>> = {};
  const survivors: string[] = [];
  for (const statement of statements) {
    for (const reading of statement.readings.filter((r) => r.expected === 'refuted')) {
      const result = checkReading(statement, reading, { runs: profile.runs, seed, shrinkEvaluations: profile.shrinkEvaluations, size: profile });
      if (result.verdict === 'refuted') errata[statement.id] = { ...errata[statement.id], [reading.name]: result.counterexample };
      else survivors.push(`${statement.id}/${reading.name}`);
    }
  }
  return { errata, survivors };
}
