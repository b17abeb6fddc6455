import { significant } from '../format/numbers.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { createRng, deriveSeed } from '../search/index.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import { pointInBall } from './ballPoints.js';
import { checkJacobian, type JacobianCheck } from './checkJacobian.js';
import type { ModelModule } from './ModelModule.js';
import type { ConstantOnBall, ConstantReport, ModelFinding } from './ModelReport.js';
import { searchLipschitz, type BallSearch, type LipschitzBudget } from './searchLipschitz.js';
import { moduleW0, userSmoothModel, type ModelConstants } from './userSmoothModel.js';

/** Radii of the ladder, per unit of rho: declared constants are checked on each ball (a constant may shrink with rho). */
const LADDER = [1, 1 / 8, 1 / 64] as const;
/** Random points (besides w0) at which the Jacobian is compared with differences, at radius rho / 2. */
const JACOBIAN_POINTS = 2;

/** What the checks of the model itself found, and the constants the theory will use. */
export interface ModelInspection {
  readonly jacobian: JacobianCheck;
  readonly findings: readonly ModelFinding[];
  readonly constants: { readonly lipDh: ConstantReport; readonly lipH: ConstantReport };
  /** The user's model as a SmoothModel carrying those constants (Infinity outside the checked ball). */
  readonly model: SmoothModel;
}

const fmt = (x: number) => significant(x, 6);
const vec = (v: readonly number[]) => `[${v.map((x) => significant(x, 4)).join(', ')}]`;

/** A declared constant at radius r, which must be a number >= 0 (Infinity allowed: no claim). */
function declaredValue(key: 'lipDh' | 'lipH', declared: (rho: number) => number, r: number): number {
  const value = declared(r);
  if (typeof value !== 'number' || !(value >= 0)) throw new NtkInputError(`model.${key}(${r})`, value, 'a number >= 0 (a declared constant)');
  return value;
}

/**
 * The constant used on B(w0, r): the declared one, or the search's estimate on the smallest ladder ball that
 * contains B(w0, r); Infinity beyond the checked ball (nothing is known there).
 */
function constantOf(
  key: 'lipDh' | 'lipH',
  declared: ((rho: number) => number) | undefined,
  searches: readonly BallSearch[],
  found: (s: BallSearch) => number,
  rho: number,
): (r: number) => number {
  return (r) => {
    if (r > rho) return Infinity;
    if (declared !== undefined) return declaredValue(key, declared, r);
    const ball = [...searches].reverse().find((s) => s.rho >= r) ?? (searches[0] as BallSearch);
    return found(ball);
  };
}

/** The finding against a declared constant below the sampled lower bound on one ball. */
function constantFinding(key: 'lipDh' | 'lipH', s: BallSearch, ball: ConstantOnBall): ModelFinding {
  const where = key === 'lipDh' ? `u = ${vec(s.lipDh.u)}, v = ${vec(s.lipDh.v)}` : `w = ${vec(s.lipH.w)}`;
  const what = key === 'lipDh' ? '||Dh(u) - Dh(v)|| / ||u - v||' : '||Dh(w)||';
  const base = {
    message: `declared ${key}(${s.rho}) = ${fmt(ball.value)} but ${what} = ${fmt(ball.found)} (ratio ${significant(ball.ratio, 4)}) at ${where}`,
    rho: s.rho,
    declared: ball.value,
    found: ball.found,
    ratio: ball.ratio,
  };
  return key === 'lipDh' ? { kind: 'lipDh', ...base, witness: s.lipDh } : { kind: 'lipH', ...base, witness: s.lipH };
}

/**
 * Check the model before any theorem: J against central differences (at w0 and at random points of the ball),
 * every entry finite on the ball, and the declared Lip(Dh) and Lip(h) against sampled lower bounds maximized by
 * search on each ball of the ladder rho, rho/8, rho/64. A declared constant below what was found (beyond the
 * ratio's rounding) is a finding naming the pair (u, v) (or the point w) and the ratio. Without a declared constant,
 * the search's estimate is used.
 */
export function inspectModel(module: ModelModule, rho: number, seed: number, budget?: LipschitzBudget): ModelInspection {
  const probe = userSmoothModel(module, { lipDh: () => Infinity, lipH: () => Infinity });
  const w0 = moduleW0(module);
  const findings: ModelFinding[] = [];
  const rng = createRng(deriveSeed(seed, 0));
  const points = [w0, ...Array.from({ length: JACOBIAN_POINTS }, () => pointInBall(w0, rho / 2, rng))];
  const jacobian = checkJacobian(probe, points);
  const searches = LADDER.map((f, k) => searchLipschitz(probe, rho * f, deriveSeed(seed, k + 1), budget));
  const nonFinite = jacobian.nonFinite ?? searches.find((s) => s.nonFinite !== undefined)?.nonFinite;
  if (nonFinite !== undefined) {
    findings.push({
      kind: 'non-finite',
      message: `${nonFinite.what}(w) returned ${nonFinite.entry} (entry ${nonFinite.index}) at w = ${vec(nonFinite.w)}, inside the ball B(w0, ${rho})`,
      point: nonFinite,
    });
  }
  if (jacobian.mismatch !== undefined) {
    const m = jacobian.mismatch;
    findings.push({
      kind: 'jacobian',
      message: `jacobian(w)[${m.i}][${m.j}] = ${fmt(m.analytic)} but the central difference (step ${significant(m.step, 3)}) gives ${fmt(m.difference)}, off by ${significant(Math.abs(m.analytic - m.difference) / m.tolerance, 3)}x its error bound ${significant(m.tolerance, 3)}, at w = ${vec(m.w)}`,
      mismatch: m,
    });
  }
  const report = (key: 'lipDh' | 'lipH'): ConstantReport => {
    const declared = module[key]?.bind(module);
    const balls = searches.map((s): ConstantOnBall => {
      const found = key === 'lipDh' ? s.lipDh.ratio : s.lipH.norm;
      const value = declared === undefined ? found : declaredValue(key, declared, s.rho);
      return { rho: s.rho, value, found, ratio: value === 0 ? (found === 0 ? 0 : Infinity) : found / value };
    });
    // One finding per constant: the ball with the largest ratio among those where found - declared beats the rounding.
    const roundoff = (s: BallSearch) => (key === 'lipDh' ? s.lipDh.roundoff : s.lipH.roundoff);
    const violated = balls.map((ball, k) => ({ ball, s: searches[k] as BallSearch })).filter(({ ball, s }) => ball.found - ball.value > roundoff(s));
    const worst = violated.sort((a, b) => b.ball.ratio - a.ball.ratio)[0];
    if (declared !== undefined && nonFinite === undefined && worst !== undefined) findings.push(constantFinding(key, worst.s, worst.ball));
    return { source: declared === undefined ? 'estimated' : 'declared', balls };
  };
  const constants = { lipDh: report('lipDh'), lipH: report('lipH') };
  const used: ModelConstants = {
    lipDh: constantOf('lipDh', module.lipDh?.bind(module), searches, (s) => s.lipDh.ratio, rho),
    lipH: constantOf('lipH', module.lipH?.bind(module), searches, (s) => s.lipH.norm, rho),
  };
  return { jacobian, findings, constants, model: userSmoothModel(module, used) };
}
