import type { HillClimber } from '../hillClimber.js';
import type { ParamBlock, SearchPoint } from '../../../arbitraries/SearchSpace.js';
import type { Searcher } from './Searcher.js';

/** A random restart that earned a score: where a climber may start. */
export interface Start {
  readonly point: SearchPoint;
  readonly score: number;
  readonly cost: number;
}

/** Makes the local optimizer of one start (the (1+1)-ES `hillClimber`, or `nelderMeadClimber`). */
export type ClimberFactory = (blocks: readonly ParamBlock[], start: SearchPoint, startScore: number) => HillClimber;

/** A climber may not move where a measurement costs more than this many times its start's (or the floor). */
const COST_GROWTH = 20;
const COST_FLOOR = 20_000;

/** A hill climber with its start score and cost cap: a costlier proposal is measured (it may still be the worst) but not taken. */
interface Climber {
  readonly climber: HillClimber;
  readonly startScore: number;
  readonly costCap: number;
}

/** Steps a climber should get in the first stage of successive halving, at least: fewer climbers when poorer. */
const MIN_FIRST_STAGE_STEPS = 15;

/** How many climbers a budget of about `evaluations` climbing steps can feed (1 to `most`). */
export function climberCount(evaluations: number, most: number): number {
  let k = Math.max(1, most);
  while (k > 1 && evaluations / (Math.ceil(Math.log2(k)) + 1) / k < MIN_FIRST_STAGE_STEPS) k--;
  return k;
}

/**
 * Up to `count` starts, best first: the best overall, then the best of each other niche (regime), then the next
 * best overall (each start once).
 */
export function pickStarts(starts: readonly Start[], niche: (point: SearchPoint) => string, count: number): Start[] {
  const sorted = [...starts].sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const nicheBests = sorted.filter((st) => {
    const key = niche(st.point);
    const first = !seen.has(key);
    seen.add(key);
    return first;
  });
  const chosen = new Set<Start>();
  for (const st of [...nicheBests, ...sorted]) if (chosen.size < count) chosen.add(st);
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

/**
 * Climb from `starts` with successive halving (Jamieson & Talwalkar, AISTATS 2016): the budget up to the fraction
 * `until` is cut into ceil(log2 k) + 1 equal stages; in each, the live climbers step in turn; after each, the worse half stops.
 * Returns early when every climber is stuck.
 */
export function climb<C, M>(s: Searcher<C, M>, starts: readonly Start[], makeClimber: ClimberFactory, until = 1): void {
  let alive: Climber[] = starts.map((st) => ({
    climber: makeClimber(s.space.blocks(st.point), st.point, st.score),
    startScore: st.score,
    costCap: Math.max(COST_FLOOR, COST_GROWTH * st.cost),
  }));
  const from = s.budget.fraction();
  const stages = Math.ceil(Math.log2(Math.max(1, alive.length))) + 1;
  for (let stage = 1; stage <= stages && !s.budget.exhausted(); stage++) {
    const end = from + ((until - from) * stage) / stages;
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
