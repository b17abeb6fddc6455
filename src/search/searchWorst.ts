import type { Reading, Statement } from '../statements/Statement.js';
import { climb, climberCount, pickStarts, type ClimberFactory, type Start } from './_internals/climb.js';
import { createRng, deriveSeed } from '../random/rng.js';
import { Searcher } from './_internals/Searcher.js';
import { defaultOptimizer } from './defaultOptimizer.js';
import { hillClimber } from './hillClimber.js';
import { nelderMeadClimber } from './nelderMeadClimber.js';
import type { Optimizer } from './Optimizer.js';
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
  /** Search only the cases where this branch of the bound's min is active (e.g. 'kappa', 'saturated'). */
  readonly branch?: string;
  /** The local optimizer and its starts. Default: the one that won for this statement (`defaultOptimizer`). */
  readonly optimizer?: Optimizer;
}

/** Evaluations, and milliseconds, of one round of the Nelder-Mead search (random starts, then climbing). */
const ROUND = { evaluations: 6000, milliseconds: 6000 } as const;

/** Rounds of the Nelder-Mead search: one per 6000 evaluations or 6 s of the budget (the larger count), at least one. */
function roundCount(limits: BudgetLimits): number {
  const byCount = limits.evaluations === undefined ? 0 : Math.floor(limits.evaluations / ROUND.evaluations);
  const byTime = limits.milliseconds === undefined ? 0 : Math.floor(limits.milliseconds / ROUND.milliseconds);
  return Math.max(1, byCount, byTime);
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
  /** The worst case of every branch of the bound met on the way ('none' for a bound without a min), branch names sorted. */
  readonly worstByBranch: Readonly<Record<string, WorstFound<C>>>;
  readonly optimizer: Optimizer;
  readonly branch?: string;
}

/**
 * Targeted search for the case that maximizes a reading's tightness ratio (lhs/rhs; rhs/lhs for '>=') within
 * the statement's hypothesis — fast-check has no `target()`. Random restarts from the generator's own
 * distribution (a share of the budget), then block-wise (1+1)-ES hill climbers (`hillClimber`) from the best
 * restarts and from the best restart of each niche (qualitative regime) of the space, with successive halving
 * (`climb`); when every climber is stuck, the next best restarts climb; the budget still left (no restart scored)
 * goes to more random restarts. The local optimizer (and where its starts come from) is `options.optimizer`: the
 * (1+1)-ES from the generator's distribution, or block-coordinate Nelder-Mead from the space's `explore`
 * distribution; the latter runs in rounds (one per 6000 evaluations or 6 s), each with fresh random starts plus
 * the worst case so far, so a long search climbs from many starts instead of refining one set.
 * With `branch`, only cases where that branch of the bound is active score. Deterministic for a seed under an
 * evaluation budget.
 */
export function searchWorst<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: SearchOptions): SearchResult<C> {
  const budget = new SearchBudget(options);
  const space = spaceOf(statement);
  const optimizer = options.optimizer ?? defaultOptimizer(statement.id);
  const s = new Searcher(statement, reading, space, budget, options.branch);
  const next = pointStream(space as SearchSpace<unknown>, options.seed, optimizer === 'nelder-mead' ? 'explore' : 'sample');
  const rng = createRng(deriveSeed(options.seed, 0x5eed));
  const makeClimber: ClimberFactory = optimizer === 'nelder-mead' ? nelderMeadClimber : (blocks, start, score) => hillClimber(blocks, start, score, rng);
  const rounds = optimizer === 'nelder-mead' ? roundCount(options) : 1;
  let randomPhase = { evaluations: 0, worstRatio: 0 };
  for (let round = 1; round <= rounds && !budget.exhausted(); round++) {
    const from = budget.fraction();
    const end = round / rounds;
    // Odd rounds after the first restart from the worst case so far too (iterated local search); even rounds climb
    // only from other niches than the worst case's, so one regime's early lead cannot starve the others.
    const niche = (point: SearchPoint) => space.niche?.(point) ?? '';
    const leader = s.worst === undefined ? undefined : niche(s.worst.point);
    const diverse = round % 2 === 0 && leader !== undefined;
    let starts: Start[] = s.worst === undefined || diverse ? [] : [{ point: s.worst.point, score: s.worst.ratio, cost: 0 }];
    while (budget.fraction() < from + (end - from) * (options.randomShare ?? 0.3)) {
      const point = next();
      const { score, cost } = s.score(point);
      if (Number.isFinite(score) && !(diverse && niche(point) === leader)) starts.push({ point, score, cost });
    }
    if (round === 1) randomPhase = { evaluations: budget.evaluations, worstRatio: s.worst?.ratio ?? 0 };
    while (budget.fraction() < end && starts.length > 0) {
      const f = budget.fraction();
      const count = climberCount((budget.evaluations * (end - f)) / Math.max(f, 1e-9), options.climbers ?? 12);
      const chosen = pickStarts(starts, niche, count);
      starts = starts.filter((st) => !chosen.includes(st));
      climb(s, chosen, makeClimber, end);
    }
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
    worstByBranch: Object.fromEntries([...s.worstByBranch.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    optimizer,
    ...(options.branch !== undefined && { branch: options.branch }),
  };
}
