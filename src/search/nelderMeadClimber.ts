import { paramGroups, type ParamGroup } from './_internals/paramGroups.js';
import { simplex, type Simplex } from './_internals/simplex.js';
import { fromUnit, reflect, toUnit } from './_internals/unitCoordinates.js';
import type { HillClimber } from './hillClimber.js';
import type { ParamBlock, SearchPoint } from '../../arbitraries/SearchSpace.js';

/** Initial simplex step, in unit-box coordinates; a group's step halves after a run that found nothing better. */
const STEP = { initial: 0.2, min: 1e-6 } as const;
/** A run ends at convergence (every vertex within this of the best, per unit coordinate) ... */
const TOLERANCE = 1e-9;
/** ... or after this many evaluations per dimension of its group (plus one simplex), whichever comes first. */
const EVALUATIONS_PER_DIMENSION = 12;
/** A climber that proposed this many unsolvable points retires (its region is numerically hostile). */
const MAX_CLIFFS = 12;

interface GroupState {
  readonly group: ParamGroup;
  step: number;
}

interface Run {
  readonly state: GroupState;
  readonly simplex: Simplex;
  readonly base: SearchPoint;
  readonly startScore: number;
  evaluations: number;
}

/**
 * A local maximizer by block-coordinate Nelder-Mead: runs of the downhill simplex (`simplex`, adaptive
 * coefficients) over the free coordinates of one group at a time (the dimensionless scales, the model entries, the
 * direction of r(0), ...), in unit-box coordinates (log coordinates for log blocks, reflected at the faces), the
 * groups in turn. A run starts from the best point so far with its group's step, and ends at convergence or after
 * 12 evaluations per dimension; a run that improved nothing halves its group's step. Deterministic (no randomness
 * of its own). Same interface as the (1+1)-ES `hillClimber`, so successive halving (`climb`) drives either.
 */
export function nelderMeadClimber(blocks: readonly ParamBlock[], start: SearchPoint, startScore: number): HillClimber {
  const states: GroupState[] = paramGroups(blocks).map((group) => ({ group, step: STEP.initial }));
  let best = { point: start, score: startScore };
  let run: Run | undefined;
  let turn = 0;
  let cliffs = 0;
  let pending: SearchPoint | undefined;

  const live = () => states.filter((s) => s.step >= STEP.min);
  const finish = (r: Run) => {
    if (!(best.score > r.startScore)) r.state.step /= 2;
    run = undefined;
  };
  const begin = (): Run | undefined => {
    const candidates = live();
    if (candidates.length === 0) return undefined;
    const state = candidates[turn++ % candidates.length] as GroupState;
    const { indices, blocks: bs } = state.group;
    const u0 = indices.map((i, k) => toUnit(bs[k] as ParamBlock, best.point.x[i] as number));
    return { state, simplex: simplex(u0, -best.score, state.step, TOLERANCE), base: best.point, startScore: best.score, evaluations: 0 };
  };

  return {
    get best() {
      return best;
    },
    get stuck() {
      return cliffs >= MAX_CLIFFS || live().length === 0;
    },
    propose() {
      if (run !== undefined && (run.simplex.converged || run.evaluations >= EVALUATIONS_PER_DIMENSION * (run.state.group.indices.length + 1))) finish(run);
      run ??= begin();
      if (run === undefined) return best.point;
      const u = run.simplex.propose();
      const x = [...run.base.x];
      const { indices, blocks: bs } = run.state.group;
      indices.forEach((i, k) => {
        x[i] = fromUnit(bs[k] as ParamBlock, reflect(u[k] as number));
      });
      pending = { discrete: run.base.discrete, x };
      return pending;
    },
    report(score, cliff = false) {
      if (pending === undefined || run === undefined) return;
      const point = pending;
      pending = undefined;
      if (cliff) cliffs++;
      run.evaluations++;
      run.simplex.report(Number.isFinite(score) ? -score : Infinity);
      if (score > best.score && Number.isFinite(score)) best = { point, score };
    },
  };
}
