import type { Optimizer } from './Optimizer.js';

/**
 * The statements whose default search is the (1+1)-ES from the generator's distribution (docs/search.md, "The race
 * that picks the default optimizer"): none at present — Nelder-Mead from small shapes matched or beat it on every
 * statement but Thm 1.2's saturated branch at 3000 evaluations (won there by one lucky seed), is several times
 * faster per evaluation, and is the one that reaches Thm 1.2's 0.6 under `--budget 60`.
 */
const EVOLUTION_WINS: ReadonlySet<string> = new Set<string>([]);

/** The default optimizer of a statement's search: the winner of the measured race (docs/search.md). */
export function defaultOptimizer(statementId: string): Optimizer {
  return EVOLUTION_WINS.has(statementId) ? 'evolution' : 'nelder-mead';
}
