import type { Statement } from '../statements/Statement.js';
import type { CheckOptions, Counterexample } from './checkReading.js';

/**
 * The committed counterexample of a reading (an entry of properties/errata.json) as the case `checkReading`
 * replays first, with its seed and path, so the counterexample it yields prints the command that regenerates it.
 * No entry: no examples.
 */
export function errataExamples<C, M>(statement: Statement<C, M>, stored: Counterexample | undefined): Pick<CheckOptions<C>, 'examples' | 'exampleOrigins'> {
  if (stored === undefined) return { examples: [] };
  return { examples: [statement.revive(stored.case)], exampleOrigins: [stored.example === undefined ? { seed: stored.seed, path: stored.path } : undefined] };
}
