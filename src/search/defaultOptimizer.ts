import type { Optimizer } from './Optimizer.js';

/**
 * The optimizer that won the race at equal evaluations per statement (docs/search.md has the numbers), for the
 * statements where the (1+1)-ES from the generator's distribution won; Nelder-Mead from small shapes elsewhere.
 */
const EVOLUTION_WINS: ReadonlySet<string> = new Set<string>([]);

/** The default optimizer of a statement's search: the winner of the measured race (docs/search.md). */
export function defaultOptimizer(statementId: string): Optimizer {
  return EVOLUTION_WINS.has(statementId) ? 'evolution' : 'nelder-mead';
}
