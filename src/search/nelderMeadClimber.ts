import { paramGroups, type ParamGroup } from './_internals/paramGroups.js';
import { simplex, type Simplex } from './_internals/simplex.js';
import { fromUnit, reflect, toUnit } from './_internals/unitCoordinates.js';
import type { HillClimber } from './hillClimber.js';
import type { ParamBlock, SearchPoint } from '../../arbitraries/SearchSpace.js';

/** Initial simplex step, in unit-box coordinates; a group's step halves after a run that found nothing better. */
const STEP = { initial: 0.2, min: 1e-6 } as const;
/** A run ends at convergence (every vertex within this of the best, per unit coordinate) ... */
const TOLERANCE = 1e-9;
/** ... or after this many evaluations per dimension of its group (plus one simplex), whichever comes first ... */
const EVALUATIONS_PER_DIMENSION = 12;
/** ... of the joint run over every live coordinate, this many (it has the coupled moves to make). */
const JOINT_EVALUATIONS_PER_DIMENSION = 40;
/** Largest count of live coordinates for which a joint run joins the runs over one group. */
const JOINT_MAX_DIMENSION = 16;
/**
 * A group whose initial simplex moves the score by no more than this (relative) is inert at the point (alpha, T,
 * R0 of a dimensionally consistent reading): it retires instead of halving its step some 18 times.
 */
const INERT = 1e-9;
/** A climber that proposed this many unsolvable points retires (its region is numerically hostile). */
const MAX_CLIFFS = 12;

interface GroupState {
  readonly group: ParamGroup;
  step: number;
}

interface Run {
  readonly state: GroupState;
  readonly group: ParamGroup;
  readonly simplex: Simplex;
  readonly base: SearchPoint;
  readonly startScore: number;
  evaluations: number;
  /** Largest |score - startScore| of the run's initial simplex (its first d points). */
  spread: number;
}

/** The union of the groups' coordinates, as one group. */
function jointGroup(groups: readonly ParamGroup[]): ParamGroup {
  return { name: 'joint', indices: groups.flatMap((g) => g.indices), blocks: groups.flatMap((g) => g.blocks) };
}

/**
 * A local maximizer by block-coordinate Nelder-Mead: runs of the downhill simplex (`simplex`, adaptive
 * coefficients) over the free coordinates of one group at a time (the dimensionless scales, the model entries, the
 * direction of r(0), ...), in unit-box coordinates (log coordinates for log blocks, reflected at the faces), the
 * groups in turn; when at most 16 coordinates are live, a joint run over all of them takes its turn after the
 * groups' (the worst cases of some statements need coupled moves across groups: Prop 3.1's at n = 2, p = 1 turns
 * G, Q, r(0), kappa and tau together, which runs over one group at a time only approach by a long zig-zag).
 * A run starts from the best point so far with its group's step, and ends at convergence or after 12 (joint: 40)
 * evaluations per dimension; a run that improved nothing halves its group's step, and a group whose initial
 * simplex does not move the score at all retires (it is inert there). Deterministic (no randomness of its own).
 * Same interface as the (1+1)-ES `hillClimber`, so successive halving (`climb`) drives either.
 */
export function nelderMeadClimber(blocks: readonly ParamBlock[], start: SearchPoint, startScore: number): HillClimber {
  const groups = paramGroups(blocks);
  const states: GroupState[] = groups.map((group) => ({ group, step: STEP.initial }));
  const joint: GroupState | undefined = groups.length > 1 ? { group: jointGroup(groups), step: STEP.initial } : undefined;
  let best = { point: start, score: startScore };
  let run: Run | undefined;
  let turn = 0;
  let cliffs = 0;
  let pending: SearchPoint | undefined;

  const live = () => states.filter((s) => s.step >= STEP.min);
  /** The joint state over the live groups, when it is live and small enough to pay. */
  const liveJoint = (): { state: GroupState; group: ParamGroup } | undefined => {
    const groupsLeft = live();
    if (joint === undefined || joint.step < STEP.min || groupsLeft.length < 2) return undefined;
    const group = jointGroup(groupsLeft.map((s) => s.group));
    return group.indices.length <= JOINT_MAX_DIMENSION ? { state: joint, group } : undefined;
  };
  const finish = (r: Run) => {
    const d = r.group.indices.length;
    if (r.state !== joint && r.evaluations >= d && r.spread <= INERT * Math.abs(r.startScore)) r.state.step = 0;
    else if (!(best.score > r.startScore)) r.state.step /= 2;
    run = undefined;
  };
  const begin = (): Run | undefined => {
    const extra = liveJoint();
    const candidates: { state: GroupState; group: ParamGroup }[] = [...live().map((s) => ({ state: s, group: s.group })), ...(extra ? [extra] : [])];
    if (candidates.length === 0) return undefined;
    const { state, group } = candidates[turn++ % candidates.length] as { state: GroupState; group: ParamGroup };
    const u0 = group.indices.map((i, k) => toUnit(group.blocks[k] as ParamBlock, best.point.x[i] as number));
    return { state, group, simplex: simplex(u0, -best.score, state.step, TOLERANCE), base: best.point, startScore: best.score, evaluations: 0, spread: 0 };
  };
  const cap = (r: Run) => (r.state === joint ? JOINT_EVALUATIONS_PER_DIMENSION : EVALUATIONS_PER_DIMENSION) * (r.group.indices.length + 1);

  return {
    get best() {
      return best;
    },
    get stuck() {
      return cliffs >= MAX_CLIFFS || live().length === 0;
    },
    propose() {
      if (run !== undefined && (run.simplex.converged || run.evaluations >= cap(run))) finish(run);
      run ??= begin();
      if (run === undefined) return best.point;
      const u = run.simplex.propose();
      const x = [...run.base.x];
      const { indices, blocks: bs } = run.group;
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
      if (run.evaluations < run.group.indices.length) run.spread = Math.max(run.spread, Number.isFinite(score) ? Math.abs(score - run.startScore) : Infinity);
      run.evaluations++;
      run.simplex.report(Number.isFinite(score) ? -score : Infinity);
      if (score > best.score && Number.isFinite(score)) best = { point, score };
    },
  };
}
