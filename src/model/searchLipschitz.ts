import { opNorm } from '../linalg/opNorm.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import { createRng, hillClimber, type ParamBlock, type Rng } from '../search/index.js';
import { pointInBall, projectToBall } from './ballPoints.js';
import { evaluateAt, type NonFinitePoint } from './NonFinitePoint.js';

/** Rounding floor of a sampled ratio: 64 ulps of its operands (the judge's floor). */
const ROUNDING = 64 * Number.EPSILON;

/** Budget of {@link searchLipschitz} on one ball (evaluations of J, and of h at the same points). */
export interface LipschitzBudget {
  /** Random points of the ball; each starts a random pair (with the next point) and a near pair. */
  readonly points: number;
  /** Climbers refining the best pairs (Lip(Dh)) and the best points (Lip(h)), and steps per climber. */
  readonly climbers: number;
  readonly steps: number;
}

/** The default budget: 48 points, 3 climbers of 120 steps per constant. */
export const DEFAULT_LIPSCHITZ_BUDGET: LipschitzBudget = { points: 48, climbers: 3, steps: 120 };

/** Separation of a near pair, per unit of rho: the ratio then approaches the local norm of the second derivative. */
const NEAR = 1e-3;

/** The largest ||Dh(u) - Dh(v)|| / ||u - v|| found, with the pair; `roundoff` is the rounding error of the ratio. */
export interface PairWitness {
  readonly u: readonly number[];
  readonly v: readonly number[];
  readonly ratio: number;
  readonly roundoff: number;
}

/** The largest ||Dh(w)|| found, at w. */
export interface PointWitness {
  readonly w: readonly number[];
  readonly norm: number;
  readonly roundoff: number;
}

/** What the search found on B(w0, rho): sampled lower bounds on Lip(Dh) and Lip(h), or a non-finite point. */
export interface BallSearch {
  readonly rho: number;
  readonly lipDh: PairWitness;
  readonly lipH: PointWitness;
  readonly nonFinite?: NonFinitePoint;
  /** Points where the model was evaluated. */
  readonly evaluations: number;
}

function frobenius(J: Float64Array): number {
  let s = 0;
  for (const x of J) s += x * x;
  return Math.sqrt(s);
}

/**
 * Sampled lower bounds on Lip(Dh) = sup ||Dh(u) - Dh(v)|| / ||u - v|| and Lip(h) = sup ||Dh(w)|| over B(w0, rho),
 * maximized by search: random points (uniform in the ball), random pairs and near pairs (separation 1e-3 rho, so
 * the ratio approaches the local second-derivative norm), then the best pairs and points refined by the project's
 * (1+1) evolution strategy (`hillClimber`) — pairs in midpoint / half-difference coordinates, so the climber can move
 * a pair without changing its separation — every point kept in the ball. Deterministic for a seed. Stops at the
 * first point where h or J is not finite, and reports it.
 */
export function searchLipschitz(model: SmoothModel, rho: number, seed: number, budget: LipschitzBudget = DEFAULT_LIPSCHITZ_BUDGET): BallSearch {
  const { p, n, w0 } = model;
  const rng: Rng = createRng(seed);
  let evaluations = 0;
  let nonFinite: NonFinitePoint | undefined;
  const jacobianAt = (w: Float64Array): Float64Array | undefined => {
    if (nonFinite !== undefined) return undefined;
    evaluations++;
    const e = evaluateAt(model, w);
    if ('nonFinite' in e) {
      nonFinite = e.nonFinite;
      return undefined;
    }
    return e.J;
  };
  let lipH: PointWitness = { w: Array.from(w0), norm: 0, roundoff: 0 };
  const scorePoint = (w: Float64Array): number => {
    const J = jacobianAt(w);
    if (J === undefined) return -Infinity;
    const norm = opNorm(J, n, p);
    if (norm > lipH.norm) lipH = { w: Array.from(w), norm, roundoff: ROUNDING * frobenius(J) };
    return norm;
  };
  let lipDh: PairWitness = { u: Array.from(w0), v: Array.from(w0), ratio: 0, roundoff: 0 };
  const scorePair = (u: Float64Array, v: Float64Array): number => {
    const [Ju, Jv] = [jacobianAt(u), jacobianAt(v)];
    if (Ju === undefined || Jv === undefined) return -Infinity;
    let d2 = 0;
    for (let j = 0; j < p; j++) d2 += ((u[j] as number) - (v[j] as number)) ** 2;
    const d = Math.sqrt(d2);
    if (d === 0) return 0;
    const ratio =
      opNorm(
        Ju.map((x, k) => x - (Jv[k] as number)),
        n,
        p,
      ) / d;
    if (ratio > lipDh.ratio) lipDh = { u: Array.from(u), v: Array.from(v), ratio, roundoff: (ROUNDING * (frobenius(Ju) + frobenius(Jv))) / d };
    return ratio;
  };

  // Random points, random pairs and near pairs.
  const points = [Float64Array.from(w0), ...Array.from({ length: budget.points }, () => pointInBall(w0, rho, rng))];
  const pointStarts = points.map((w) => ({ w, score: scorePoint(w) }));
  const pairStarts: { u: Float64Array; v: Float64Array; score: number }[] = [];
  for (let k = 0; k < points.length && nonFinite === undefined; k++) {
    const u = points[k] as Float64Array;
    const far = points[(k + 1) % points.length] as Float64Array;
    const direction = pointInBall(new Float64Array(p), 1, rng);
    const near = projectToBall(
      w0,
      Array.from(u, (x, j) => x - (w0[j] as number) + NEAR * rho * (direction[j] as number)),
      rho,
    );
    for (const v of [far, near]) pairStarts.push({ u, v, score: scorePair(u, v) });
  }

  // Local refinement of the best pairs (midpoint m, half-difference d: u = m + d, v = m - d) and points.
  const box = (name: string, group: string): ParamBlock => ({ name, group, length: p, min: -rho, max: rho, log: false });
  const best = <T extends { score: number }>(xs: T[]) => [...xs].sort((a, b) => b.score - a.score).slice(0, budget.climbers);
  for (const start of best(pairStarts)) {
    if (nonFinite !== undefined) break;
    const x = [
      ...Array.from(start.u, (u, j) => 0.5 * (u + (start.v[j] as number)) - (w0[j] as number)),
      ...Array.from(start.u, (u, j) => 0.5 * (u - (start.v[j] as number))),
    ];
    const climber = hillClimber([box('mid', 'mid'), box('half', 'half')], { discrete: null, x }, start.score, rng);
    for (let s = 0; s < budget.steps && !climber.stuck && nonFinite === undefined; s++) {
      const y = climber.propose().x;
      const u = projectToBall(
        w0,
        y.slice(0, p).map((m, j) => m + (y[p + j] as number)),
        rho,
      );
      const v = projectToBall(
        w0,
        y.slice(0, p).map((m, j) => m - (y[p + j] as number)),
        rho,
      );
      climber.report(scorePair(u, v));
    }
  }
  for (const start of best(pointStarts)) {
    if (nonFinite !== undefined) break;
    const climber = hillClimber([box('w', 'w')], { discrete: null, x: Array.from(start.w, (w, j) => w - (w0[j] as number)) }, start.score, rng);
    for (let s = 0; s < budget.steps && !climber.stuck && nonFinite === undefined; s++) {
      climber.report(scorePoint(projectToBall(w0, climber.propose().x, rho)));
    }
  }
  return { rho, lipDh, lipH, evaluations, ...(nonFinite && { nonFinite }) };
}
