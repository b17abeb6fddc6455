import type { Reading, Statement } from '../statements/Statement.js';
import { climb, climberCount, pickStarts, type Start } from './_internals/climb.js';
import { createRng, deriveSeed } from '../random/rng.js';
import { Searcher } from './_internals/Searcher.js';
import type { RejectReason } from './evaluateCase.js';
import { pointStream, spaceOf } from './pointStream.js';
import { SearchBudget, type BudgetLimits } from './SearchBudget.js';
import type { SearchPoint, SearchSpace } from '../../arbitraries/SearchSpace.js';
import type { WorstFound } from './WorstFound.js';

/** Options of {@link searchWorst}. */
export interface SearchOptions extends BudgetLimits {
  readonly seed: number;
  /** Share of the budget spent on random restarts before climbing. Default 0.3. */
  readonly randomShare?: number;
  /**
   * Most climbers, started from the best random point, the best of every other niche of the space, then the next
   * best; the budget decides how many run (at least 15 steps each in the first stage of successive halving).
   * Default 12.
   */
  readonly climbers?: number;
}

/** Result of a targeted search for the largest tightness ratio of one reading. */
export interface SearchResult<C> {
  readonly reading: string;
  /** Largest tightness ratio scored (0 when no case could be scored). */
  readonly worstRatio: number;
  readonly worst?: WorstFound<C>;
  /** measure() calls spent, and wall-clock time. */
  readonly evaluations: number;
  readonly milliseconds: number;
  /** The random phase alone: its measure() calls and worst ratio. */
  readonly randomPhase: { readonly evaluations: number; readonly worstRatio: number };
  /** Cases that earned no score, by reason. */
  readonly rejected: Readonly<Record<RejectReason, number>>;
}

/**
 * Targeted search for the case that maximizes a reading's tightness ratio (lhs/rhs; rhs/lhs for '>=') within
 * the statement's hypothesis — fast-check has no `target()`. Random restarts from the generator's own
 * distribution (a share of the budget), then block-wise (1+1)-ES hill climbers (`hillClimber`) from the best
 * restarts and from the best restart of each niche (qualitative regime) of the space, with successive halving
 * (`climb`); when every climber is stuck, the next best restarts climb; the budget still left (no restart scored)
 * goes to more random restarts. Deterministic for a seed under an evaluation budget.
 */
export function searchWorst<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: SearchOptions): SearchResult<C> {
  const budget = new SearchBudget(options);
  const space = spaceOf(statement);
  const s = new Searcher(statement, reading, space, budget);
  const next = pointStream(space as SearchSpace<unknown>, options.seed);
  let starts: Start[] = [];
  while (budget.fraction() < (options.randomShare ?? 0.3)) {
    const point = next();
    const { score, cost } = s.score(point);
    if (Number.isFinite(score)) starts.push({ point, score, cost });
  }
  const randomPhase = { evaluations: budget.evaluations, worstRatio: s.worst?.ratio ?? 0 };
  const rng = createRng(deriveSeed(options.seed, 0x5eed));
  while (!budget.exhausted() && starts.length > 0) {
    const f = budget.fraction();
    const count = climberCount((budget.evaluations * (1 - f)) / Math.max(f, 1e-9), options.climbers ?? 12);
    const chosen = pickStarts(starts, (point) => space.niche?.(point) ?? '', count);
    starts = starts.filter((st) => !chosen.includes(st));
    climb(s, chosen, rng);
  }
  while (!budget.exhausted()) s.score(next());
  return {
    reading: reading.name,
    worstRatio: s.worst?.ratio ?? 0,
    ...(s.worst && { worst: s.worst }),
    evaluations: budget.evaluations,
    milliseconds: budget.elapsedMilliseconds,
    randomPhase,
    rejected: s.rejected,
  };
}
