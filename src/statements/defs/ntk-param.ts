import { widthLadderArb } from '../../../arbitraries/widthLadderArb.js';
import { solveRunPair, type Run } from '../../flow/Run.js';
import { lemma21LipDh, meanFieldA } from '../../models/lemma21.js';
import { FLOW_RTOL } from '../flowStatement.js';
import { meanFieldOf, trajectoryMaxA } from '../meanFieldRun.js';
import { memoizeMeasure } from '../memoizeMeasure.js';
import type { Bound, Statement } from '../Statement.js';
import { ladderInstance, type WidthLadder } from '../WidthLadder.js';
import { describeWidthLadder, reviveWidthLadder } from '../widthLadderJson.js';
import { worstOf } from '../worstOf.js';

/** One rung of the ladder, measured on one solve. */
interface Rung {
  readonly m: number;
  readonly E: number;
  readonly R0: number;
  /** ||r(0)||. */
  readonly r0: number;
  /** A0 = sqrt(m) max_i |a_i(w0)| (<= 1 under the initialization) and max_t A(t) on the sampled trajectory. */
  readonly A0: number;
  readonly trajectoryA: number;
  /** Certified Lip(Dh) on the Prop 3.1 ball B(w0, sqrt(T R0) / alpha): Lemma 2.1 with A = A0 + sqrt(T R0). */
  readonly lipBall: number;
  /** Lemma 2.1's constant on the segments from w0 to the sampled trajectory: A = max_t A(t). */
  readonly lipTrajectory: number;
}

interface LadderMeasure {
  readonly T: number;
  readonly rungs: readonly Rung[];
}

/**
 * The constants: 6 of Thm 1.2's kappa branch (E <= 6 T Lip(Dh) R0 / alpha), and B = 2, the growth of
 * E sqrt(m) / T over the ladder that the `ladder` reading tolerates (the spread of E at the narrowest width).
 */
const C = { kernel: 6, growth: 2 } as const;

function rung(run: Run): Rung {
  const model = meanFieldOf(run);
  const trajectoryA = trajectoryMaxA(run);
  const A0 = meanFieldA(model, model.w0);
  const { T, alpha } = run.instance;
  return {
    m: model.m,
    E: run.E,
    R0: run.R0,
    r0: Math.sqrt(2 * run.R0),
    A0,
    trajectoryA,
    lipBall: model.lipDh(Math.sqrt(T * run.R0) / alpha),
    lipTrajectory: lemma21LipDh(model.activation, model.X, Math.max(A0, trajectoryA)),
  };
}

/** E sqrt(m)^power / T at a rung, with the magnitude its error scales with (||r(0)|| in place of E). */
const scaled = (T: number, r: Rung, power: number) => ({ value: (r.E * r.m ** (power / 2)) / T, scale: (r.r0 * r.m ** (power / 2)) / T });

/** At every rung, E sqrt(m) / T <= 6 R0 Lip (Thm 1.2's kappa branch with the given Lemma 2.1 constant). */
function perRung(lip: (r: Rung) => number): (q: LadderMeasure) => Bound {
  return (q) => worstOf('<=', q.rungs.map((r) => {
    const { value, scale } = scaled(q.T, r, 1);
    return { lhs: value, rhs: C.kernel * r.R0 * lip(r), branch: `m=${r.m}`, scale };
  }));
}

/** max over the wider rungs of E m^(power/2) / T <= B times its value at the narrowest rung. */
function ladder(power: number): (q: LadderMeasure) => Bound {
  return (q) => {
    const [first, ...rest] = q.rungs.map((r) => scaled(q.T, r, power));
    const base = first ?? { value: 0, scale: 0 };
    const top = rest.reduce((best, s) => (s.value > best.value ? s : best), { value: 0, scale: 0 });
    // The error of lhs - rhs is at most that of the top rung plus B times that of the narrowest.
    return { lhs: top.value, rhs: C.growth * base.value, scale: top.scale + C.growth * base.scale };
  };
}

function measureWith(runs: readonly Run[], T: number): LadderMeasure {
  return { T, rungs: runs.map(rung) };
}

/**
 * The NTK parametrization (Sec. 2, last paragraph): with alpha = sqrt(m), E(T) = O(T / sqrt(m)), i.e. E sqrt(m) / T
 * stays bounded as m grows. A case is a data set, T and a nested ladder of widths m_0, 4 m_0, 16 m_0 (symmetric
 * init, y* = y / sqrt(n)); each rung is solved like a flow statement (rtol 1e-8, certified at 1e-10).
 * Readings: `restored` — the bound Thm 1.2 and Lemma 2.1 give, E sqrt(m) / T <= 6 R0 (||s'|| X + ||s''|| X^2
 * (A0 + sqrt(T R0))) at every width: uniform in m (A0 <= 1) but growing like sqrt(T) (the ball of radius
 * sqrt(T R0) / alpha is what Thm 1.2's time limit allows); `trajectory` — the same with A = max_t A(t) measured
 * along the trajectory (the proof compares Dh on the segments from w0 to w(t) only); `ladder` — the text's claim
 * as a finite, falsifiable criterion: E sqrt(m) / T at the wider rungs <= B = 2 times its value at m_0. A wrong
 * scaling E ~ T / m^(1/4) would double it over the 16x ladder. Sanity mutant: the same criterion for
 * E = O(T / m^(3/2)) (E m^(3/2) / T bounded), which measured E ~ T / m refutes.
 */
export const ntkParam: Statement<WidthLadder, LadderMeasure> = memoizeMeasure({
  id: 'ntk-param',
  source: 'Sec. 2, last paragraph',
  relation: '<=',
  summary: 'NTK parametrization alpha = sqrt(m): E(T) = O(T / sqrt(m)), E sqrt(m) / T bounded as m grows',
  readings: [
    { name: 'restored', formula: "E sqrt(m) / T <= 6 R0 (||s'|| X + ||s''|| X^2 (A0 + sqrt(T R0))) at every width (Thm 1.2 + Lemma 2.1, uniform in m)", expected: 'holds', bound: perRung((r) => r.lipBall) },
    { name: 'trajectory', formula: "E sqrt(m) / T <= 6 R0 (||s'|| X + ||s''|| X^2 max_t A(t)) at every width (A tracked along the trajectory)", expected: 'holds', bound: perRung((r) => r.lipTrajectory) },
    { name: 'ladder', formula: 'max over m > m_0 of E sqrt(m) / T <= 2 E(m_0) sqrt(m_0) / T  (bounded as m grows, over m_0..16 m_0)', expected: 'holds', bound: ladder(1) },
  ],
  mutant: { name: 'mutant', formula: 'max over m > m_0 of E m^(3/2) / T <= 2 E(m_0) m_0^(3/2) / T  (E = O(T / m^(3/2)))', expected: 'refuted', bound: ladder(3) },
  arbitrary: () => widthLadderArb(),
  applies: () => true,
  measure: (c) => {
    const pairs = c.widths.map((_, k) => solveRunPair(ladderInstance(c, k), { rtol: FLOW_RTOL }));
    return { primary: measureWith(pairs.map((p) => p.primary), c.T), tight: measureWith(pairs.map((p) => p.tight), c.T), tightAccuracy: FLOW_RTOL / 100 };
  },
  labels: (c, q) => {
    const widest = c.widths[c.widths.length - 1] as number;
    const drift = Math.max(...q.rungs.map((r) => r.trajectoryA - r.A0));
    return {
      activation: c.activation,
      horizon: c.T < 1 ? 'T<1' : c.T < Math.sqrt(widest) ? '1<=T<sqrt(m)' : 'T>=sqrt(m)',
      drift: drift < 0.1 ? 'A(t)-A0<0.1' : drift < 1 ? 'A(t)-A0<1' : 'A(t)-A0>=1',
    };
  },
  describe: describeWidthLadder,
  revive: reviveWidthLadder,
  requiredCoverage: { activation: ['sigmoid', 'tanh'], horizon: ['T<1', '1<=T<sqrt(m)', 'T>=sqrt(m)'] },
});
