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

/** The state one search shares across its phases: the budget, the worst case so far, the rejection counts. */
export class Searcher<C, M> {
  worst: WorstFound<C> | undefined;
  readonly rejected: Record<RejectReason, number> = { degenerate: 0, 'outside-hypothesis': 0, unsolved: 0, uncertain: 0 };

  constructor(
    readonly statement: Statement<C, M>,
    readonly reading: Reading<M>,
    readonly space: SearchSpace<C>,
    readonly budget: SearchBudget,
  ) {}

  /** Score a point (spending budget), keeping the worst case. */
  score(point: SearchPoint): Scored {
    const e = evaluateCase(this.statement, this.reading, () => this.space.decode(point));
    this.budget.spend(e.measured);
    if (!e.scored) {
      this.rejected[e.reason]++;
      return { score: -Infinity, cost: 0, unsolved: e.reason === 'unsolved' };
    }
    if (this.worst === undefined || e.ratio > this.worst.ratio) this.worst = { case: e.case, point, ratio: e.ratio, outcome: e.outcome };
    return { score: e.ratio, cost: e.cost, unsolved: false };
  }
}
