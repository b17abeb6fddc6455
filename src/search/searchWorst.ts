import type { CaseOutcome } from '../check/judge.js';
import type { Reading, Statement } from '../statements/Statement.js';
import { createRng, deriveSeed } from './_internals/rng.js';
import { evaluateCase, type RejectReason } from './evaluateCase.js';
import { hillClimber, type HillClimber } from './hillClimber.js';
import { pointStream, spaceOf } from './pointStream.js';
import { SearchBudget, type BudgetLimits } from './SearchBudget.js';
import type { SearchPoint, SearchSpace } from './SearchSpace.js';

/** Options of {@link searchWorst}. */
export interface SearchOptions extends BudgetLimits {
  readonly seed: number;
  /** Share of the budget spent on random restarts before climbing. Default 0.3. */
  readonly randomShare?: number;
  /**
   * Climbers started from the best random points — plus the best point of every niche of the space — halved
   * after each stage (successive halving). Default 4.
   */
  readonly climbers?: number;
}

/** The hardest case found. */
export interface WorstFound<C> {
  readonly case: C;
  readonly point: SearchPoint;
  readonly ratio: number;
  readonly outcome: CaseOutcome;
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

/** The search state shared by its phases. */
class Searcher<C, M> {
  worst: WorstFound<C> | undefined;
  readonly rejected: Record<RejectReason, number> = { degenerate: 0, 'outside-hypothesis': 0, unsolved: 0, uncertain: 0 };
  constructor(readonly statement: Statement<C, M>, readonly reading: Reading<M>, readonly space: SearchSpace<C>, readonly budget: SearchBudget) {}

  /** Score a point (-Infinity when it earns none), keeping the worst case; also its cost and whether it failed to solve. */
  score(point: SearchPoint): { score: number; cost: number; unsolved: boolean } {
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

/** A climber may not move where a measurement costs more than this many times its start's (or the floor). */
const COST_GROWTH = 20;
const COST_FLOOR = 20_000;

/** A hill climber with its cost cap: a costlier proposal is measured (and may still be the worst) but not taken. */
interface Climber {
  readonly climber: HillClimber;
  readonly startScore: number;
  readonly costCap: number;
}

/** The best start of every niche, and the best `count` overall, best first (each point once). */
function pickStarts<T extends { point: SearchPoint; score: number }>(starts: readonly T[], niche: (point: SearchPoint) => string, count: number): T[] {
  const sorted = [...starts].sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const chosen = new Set(sorted.slice(0, count));
  for (const st of sorted) {
    const key = niche(st.point);
    if (!seen.has(key)) chosen.add(st);
    seen.add(key);
  }
  return sorted.filter((st) => chosen.has(st));
}

/**
 * The better half of the climbers by score, plus the one that gained most since its start (a late bloomer in a
 * more promising regime is not cut for starting lower).
 */
function halve(climbers: readonly Climber[]): Climber[] {
  const gain = (c: Climber) => c.climber.best.score - c.startScore;
  const kept = [...climbers].sort((a, b) => b.climber.best.score - a.climber.best.score).slice(0, Math.ceil(climbers.length / 2));
  const bloomer = [...climbers].sort((a, b) => gain(b) - gain(a))[0];
  return bloomer === undefined || kept.includes(bloomer) ? kept : [...kept, bloomer];
}

/** Successive halving over climbers: stages end at equal fractions of the remaining budget. */
function climb<C, M>(s: Searcher<C, M>, climbers: Climber[], from: number): void {
  const stages = Math.ceil(Math.log2(Math.max(1, climbers.length))) + 1;
  let alive = climbers;
  for (let stage = 1; stage <= stages && !s.budget.exhausted(); stage++) {
    const end = from + ((1 - from) * stage) / stages;
    while (s.budget.fraction() < end && alive.some((c) => !c.climber.stuck)) {
      for (const { climber, costCap } of alive) {
        if (climber.stuck || s.budget.fraction() >= end) continue;
        const { score, cost, unsolved } = s.score(climber.propose());
        climber.report(cost > costCap ? -Infinity : score, unsolved);
      }
    }
    alive = halve(alive);
  }
}

/**
 * Targeted search for the case that maximizes a reading's tightness ratio (lhs/rhs; rhs/lhs for '>=') within
 * the statement's hypothesis — fast-check has no `target()`. Random restarts from the generator's own
 * distribution (a share of the budget), then block-wise (1+1)-ES hill climbers (`hillClimber`) from the best
 * restarts and from the best restart of each niche (qualitative regime) of the space, with successive halving; any budget left (every climber converged, or no restart scored)
 * goes to more random restarts. Deterministic for a seed under an evaluation budget.
 */
export function searchWorst<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: SearchOptions): SearchResult<C> {
  const budget = new SearchBudget(options);
  const space = spaceOf(statement);
  const s = new Searcher(statement, reading, space, budget);
  const next = pointStream(space as SearchSpace<unknown>, options.seed);
  const randomShare = options.randomShare ?? 0.3;
  const starts: { point: SearchPoint; score: number; cost: number }[] = [];
  while (budget.fraction() < randomShare) {
    const point = next();
    const { score, cost } = s.score(point);
    if (Number.isFinite(score)) starts.push({ point, score, cost });
  }
  const randomPhase = { evaluations: budget.evaluations, worstRatio: s.worst?.ratio ?? 0 };
  const rng = createRng(deriveSeed(options.seed, 0x5eed));
  const chosen = pickStarts(starts, (point) => space.niche?.(point) ?? '', options.climbers ?? 4);
  const climbers = chosen.map((st) => ({ climber: hillClimber(space.blocks(st.point), st.point, st.score, rng), startScore: st.score, costCap: Math.max(COST_FLOOR, COST_GROWTH * st.cost) }));
  climb(s, climbers, budget.fraction());
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
