import type { Reading, Statement } from '../statements/Statement.js';
import { evaluateCase } from './evaluateCase.js';
import { pointStream, spaceOf } from './pointStream.js';
import { SearchBudget, type BudgetLimits } from './SearchBudget.js';
import type { SearchSpace } from '../../arbitraries/SearchSpace.js';

/** Result of random sampling: the worst ratio over the scored cases, and the cost. */
export interface RandomResult<C> {
  readonly worstRatio: number;
  readonly worstCase?: C;
  readonly evaluations: number;
  readonly milliseconds: number;
}

/**
 * The baseline of the targeted search: the generator's own cases at random (what a property run samples), scored
 * like the search scores them (`evaluateCase`), until the budget — typically the search's own measure() count —
 * is spent. Same stream as the search's restarts (`pointStream`).
 */
export function randomWorst<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: BudgetLimits & { readonly seed: number }): RandomResult<C> {
  const budget = new SearchBudget(options);
  const space = spaceOf(statement);
  const next = pointStream(space as SearchSpace<unknown>, options.seed);
  let worst: { ratio: number; case: C } | undefined;
  while (!budget.exhausted()) {
    const point = next();
    const e = evaluateCase(statement, reading, () => space.decode(point));
    budget.spend(e.measured);
    if (e.scored && (worst === undefined || e.ratio > worst.ratio)) worst = { ratio: e.ratio, case: e.case };
  }
  return { worstRatio: worst?.ratio ?? 0, ...(worst && { worstCase: worst.case }), evaluations: budget.evaluations, milliseconds: budget.elapsedMilliseconds };
}
