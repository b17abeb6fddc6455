import type { SearchPoint } from '../../arbitraries/SearchSpace.js';
import type { CaseOutcome } from '../check/judge.js';

/** The hardest case found. */
export interface WorstFound<C> {
  readonly case: C;
  readonly point: SearchPoint;
  readonly ratio: number;
  readonly outcome: CaseOutcome;
}
