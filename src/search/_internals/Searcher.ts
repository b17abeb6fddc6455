import { branchKeys } from '../../statements/branchKeys.js';
import type { Reading, Statement } from '../../statements/Statement.js';
import { evaluateCase, type RejectReason } from '../evaluateCase.js';
import type { SearchBudget } from '../SearchBudget.js';
import type { SearchPoint, SearchSpace } from '../../../arbitraries/SearchSpace.js';
import type { WorstFound } from '../WorstFound.js';

/** A scored point: its ratio (-Infinity without one), its measurement cost, and whether its solve failed. */
export interface Scored {
  readonly score: number;
  readonly cost: number;
  readonly unsolved: boolean;
}

/**
 * The state one search shares across its phases: the budget, the worst case so far (overall, restricted to the
 * searched branch when there is one) and per active branch of the bound (and per `branch:split`), the rejection counts.
 */
export class Searcher<C, M> {
  worst: WorstFound<C> | undefined;
  /** The worst case of each branch seen (active branch of the bound's min, or 'none'). */
  readonly worstByBranch = new Map<string, WorstFound<C>>();
  readonly rejected: Record<RejectReason, number> = { degenerate: 0, 'outside-hypothesis': 0, unsolved: 0, uncertain: 0 };

  /** `branch`: score only the cases where that branch (or `branch:split`) of the bound is active (others score -Infinity). */
  constructor(
    readonly statement: Statement<C, M>,
    readonly reading: Reading<M>,
    readonly space: SearchSpace<C>,
    readonly budget: SearchBudget,
    readonly branch?: string,
  ) {}

  /** Score a point (spending budget), keeping the worst cases. */
  score(point: SearchPoint): Scored {
    const e = evaluateCase(this.statement, this.reading, () => this.space.decode(point));
    this.budget.spend(e.measured);
    if (!e.scored) {
      this.rejected[e.reason]++;
      return { score: -Infinity, cost: 0, unsolved: e.reason === 'unsolved' };
    }
    const found: WorstFound<C> = { case: e.case, point, ratio: e.ratio, outcome: e.outcome };
    const keys = branchKeys(e.outcome.bound);
    for (const key of keys) if (!((this.worstByBranch.get(key)?.ratio ?? -Infinity) >= e.ratio)) this.worstByBranch.set(key, found);
    if (this.branch !== undefined && !keys.includes(this.branch)) return { score: -Infinity, cost: e.cost, unsolved: false };
    if (this.worst === undefined || e.ratio > this.worst.ratio) this.worst = found;
    return { score: e.ratio, cost: e.cost, unsolved: false };
  }
}
