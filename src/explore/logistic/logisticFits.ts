import fc from 'fast-check';
import { opNorm } from '../../linalg/opNorm.js';
import { fitPowerLaw, type PowerLawFit } from '../fitPowerLaw.js';
import { LOGISTIC_RTOL } from './ceConjecture.js';
import { logisticCaseArb, type LogisticCase } from './LogisticCase.js';
import { logisticFlow } from './logisticFlow.js';

/** A measured E(T) is used only when the working and the 100x tighter solves agree to this relative difference. */
const RESOLVED = 1e-4;

/** The ladders of the cross-entropy fits (all dimensionless: tau = T lambda_max(K0), q = T Lip(Dh) n / alpha). */
export const LADDERS = {
  /** E against alpha at tau = 1: q = 2^-k, k = 0..6. */
  alpha: { tau: 1, q: [0, 1, 2, 3, 4, 5, 6].map((k) => 2 ** -k) },
  /** E against T at fixed alpha (q = 2^-8 at tau = 1): tau = 2^k, k = -4..0 (early) and 0..4 (late). */
  timeEarly: { q1: 2 ** -8, tau: [-4, -3, -2, -1, 0].map((k) => 2 ** k) },
  timeLate: { q1: 2 ** -8, tau: [0, 1, 2, 3, 4].map((k) => 2 ** k) },
  /** alpha = O(T): alpha proportional to T (q = 2^-6 throughout), tau = 2^k, k = 0..8. */
  proportional: { q: 2 ** -6, tau: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => 2 ** k) },
} as const;

/** One fitted exponent per family (and pooled), with the measured points. */
export interface ExponentFit {
  readonly name: string;
  /** What is fitted, e.g. 'E vs alpha at tau = 1'. */
  readonly what: string;
  readonly byFamily: Readonly<Record<string, PowerLawFit | string>>;
  readonly pooled: PowerLawFit | string;
}

/** One measured point: family, model index, x, E. */
export interface FitPoint {
  readonly ladder: string;
  readonly family: string;
  readonly model: number;
  readonly x: number;
  readonly E: number;
}

/** E(T) of a model at dimensionless horizon tau and q = T Lip(Dh) n / alpha, or undefined when not resolved. */
function measureAt(base: LogisticCase, lambda: number, tau: number, q: number): number | undefined {
  const T = tau / lambda;
  const alpha = (T * base.model.lipDh(Infinity) * base.model.n) / q;
  const c = { ...base, T, alpha };
  const E = logisticFlow(c, LOGISTIC_RTOL).E;
  const tight = logisticFlow(c, LOGISTIC_RTOL / 100).E;
  return Math.abs(E - tight) <= RESOLVED * tight ? tight : undefined;
}

/** The fit of one ladder over the points (per family, and pooled over the families), each model its own intercept. */
function fitOf(name: string, what: string, points: readonly FitPoint[], families: readonly string[]): ExponentFit {
  const groupsOf = (ps: readonly FitPoint[]) => {
    const byModel = new Map<string, [number, number][]>();
    for (const p of ps) {
      const key = `${p.family}/${p.model}`;
      (byModel.get(key) ?? byModel.set(key, []).get(key))?.push([p.x, p.E]);
    }
    return [...byModel.values()];
  };
  const safeFit = (ps: readonly FitPoint[]): PowerLawFit | string => {
    try {
      return fitPowerLaw(groupsOf(ps));
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  const own = points.filter((p) => p.ladder === name);
  return { name, what, byFamily: Object.fromEntries(families.map((f) => [f, safeFit(own.filter((p) => p.family === f))])), pooled: safeFit(own) };
}

/**
 * Exponent fits of the cross-entropy NTK error over `models` models per family (drawn from the CE generator with the
 * seed): E against alpha at fixed T (expected -1 in the lazy regime), against T at fixed alpha (early and late
 * windows), and against T with alpha proportional to T (a slope <= 0 means alpha = O(T) keeps E bounded).
 * Regression standard errors (ordinary least squares with one intercept per model).
 */
export function logisticFits(seed: number, models: number): { fits: ExponentFit[]; points: FitPoint[] } {
  const bases = fc.sample(logisticCaseArb([1, 1]), { seed, numRuns: 8 * models });
  const families = ['quadratic', 'structured', 'scalar'];
  const points: FitPoint[] = [];
  for (const family of families) {
    const chosen = bases.filter((b) => b.family === family).slice(0, models);
    chosen.forEach((base, model) => {
      const { n, p, w0 } = base.model;
      const lambda = opNorm(base.model.jacobian(w0), n, p) ** 2;
      const add = (ladder: string, x: number, E: number | undefined) => {
        if (E !== undefined) points.push({ ladder, family, model, x, E });
      };
      for (const q of LADDERS.alpha.q) add('alpha', 1 / q, measureAt(base, lambda, LADDERS.alpha.tau, q));
      for (const [name, ladder] of [
        ['timeEarly', LADDERS.timeEarly],
        ['timeLate', LADDERS.timeLate],
      ] as const) {
        for (const tau of ladder.tau) add(name, tau, measureAt(base, lambda, tau, ladder.q1 * tau));
      }
      for (const tau of LADDERS.proportional.tau) add('proportional', tau, measureAt(base, lambda, tau, LADDERS.proportional.q));
    });
  }
  const fits = [
    fitOf('alpha', 'E vs alpha at fixed T (tau = 1)', points, families),
    fitOf('timeEarly', 'E vs T at fixed alpha, tau in [1/16, 1]', points, families),
    fitOf('timeLate', 'E vs T at fixed alpha, tau in [1, 16]', points, families),
    fitOf('proportional', 'E vs T with alpha proportional to T (T Lip(Dh) n / alpha = 1/64), tau in [1, 256]', points, families),
  ];
  return { fits, points };
}
