import { paramGroups } from './_internals/paramGroups.js';
import type { Rng } from '../random/rng.js';
import { fromUnit, reflect, toUnit } from './_internals/unitCoordinates.js';
import type { ParamBlock, SearchPoint } from '../../arbitraries/SearchSpace.js';

/** Step sizes of the (1+1) evolution strategy, in unit-box coordinates per coordinate. */
const SIGMA = { initialNorm: 0.25, max: 0.5, min: 1e-7 } as const;
/** Coordinates of a group moved per step, on average (all of a smaller group): steps stay low-dimensional. */
const SUBSET = 8;
/** One-fifth success rule: grow by e^(1/3) on success, shrink by e^(-1/12) on failure (stationary at 1/5). */
const GROW = Math.exp(1 / 3);
const SHRINK = Math.exp(-1 / 12);
/** Step-size cut after a proposal that could not be solved. */
const CLIFF_SHRINK = 1 / 4;
/** A climber that proposed this many unsolvable points retires (its region is numerically hostile). */
const MAX_CLIFFS = 3;

interface Group {
  /** Indices into x of the group's free (non-frozen) coordinates, and the block of each. */
  readonly indices: number[];
  readonly blocks: ParamBlock[];
  sigma: number;
  /** Proposals in this group, and how many improved the best score. */
  trials: number;
  successes: number;
}

/** A local maximizer over one point's continuous parameters (its discrete choices stay fixed). */
export interface HillClimber {
  /** The best point so far and its score (higher is better). */
  readonly best: { readonly point: SearchPoint; readonly score: number };
  /** True when there is nothing to move, every step size fell below 1e-7 (converged), or after three cliffs. */
  readonly stuck: boolean;
  /** A candidate: the best point with one group of coordinates perturbed. */
  propose(): SearchPoint;
  /**
   * Report the score of the last proposal (-Infinity when it earned none). A `cliff` (the proposal could not
   * even be solved) cuts that group's step size by 4: failed solves are the costliest evaluations there are.
   */
  report(score: number, cliff?: boolean): void;
}

/**
 * A group drawn with probability proportional to its Laplace-smoothed success rate (s + 1) / (t + 2): groups the
 * score does not depend on (e.g. the units of a dimensionless reading) soon get few proposals.
 */
function pickGroup(groups: readonly Group[], rng: Rng): Group | undefined {
  const weights = groups.map((g) => (g.successes + 1) / (g.trials + 2));
  let u = rng.uniform() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < groups.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return groups[i];
  }
  return groups[groups.length - 1];
}

function groupsOf(blocks: readonly ParamBlock[]): Group[] {
  return paramGroups(blocks).map((g) => ({
    indices: [...g.indices],
    blocks: [...g.blocks],
    sigma: SIGMA.initialNorm / Math.sqrt(Math.min(SUBSET, g.indices.length)),
    trials: 0,
    successes: 0,
  }));
}

/**
 * A block-wise (1+1) evolution strategy with the one-fifth success rule (Rechenberg 1973; Auger & Hansen,
 * "Tutorial: evolution strategies", GECCO 2013): each proposal perturbs the free coordinates of one group (e.g.
 * the dimensionless scales, or the raw model entries), drawn by its success rate so far — all of them, or about
 * 8 at random in a large group — by a Gaussian step in the unit box (log coordinates for log blocks), reflected
 * at the faces; the step size of that group adapts to its success rate.
 * Ties are accepted (drift across plateaus) but do not count as success.
 */
export function hillClimber(blocks: readonly ParamBlock[], start: SearchPoint, startScore: number, rng: Rng): HillClimber {
  const groups = groupsOf(blocks);
  let best = { point: start, score: startScore };
  let pending: { point: SearchPoint; group: Group } | undefined;
  let cliffs = 0;
  return {
    get best() {
      return best;
    },
    get stuck() {
      return cliffs >= MAX_CLIFFS || groups.every((g) => g.sigma < SIGMA.min);
    },
    propose() {
      const group = pickGroup(groups, rng);
      if (group === undefined) return best.point;
      const x = [...best.point.x];
      const share = Math.min(1, SUBSET / group.indices.length);
      let moved = false;
      const move = (k: number) => {
        const i = group.indices[k] as number;
        const block = group.blocks[k] as ParamBlock;
        x[i] = fromUnit(block, reflect(toUnit(block, x[i] as number) + group.sigma * rng.normal()));
        moved = true;
      };
      group.indices.forEach((_, k) => {
        if (share === 1 || rng.uniform() < share) move(k);
      });
      if (!moved) move(Math.floor(rng.uniform() * group.indices.length));
      const point = { discrete: best.point.discrete, x };
      pending = { point, group };
      return point;
    },
    report(score, cliff = false) {
      if (pending === undefined) return;
      const { point, group } = pending;
      pending = undefined;
      if (cliff) cliffs++;
      group.trials++;
      if (score > best.score) {
        group.successes++;
        group.sigma = Math.min(SIGMA.max, group.sigma * GROW);
      } else group.sigma *= cliff ? CLIFF_SHRINK : SHRINK;
      if (score >= best.score && Number.isFinite(score)) best = { point, score };
    },
  };
}
