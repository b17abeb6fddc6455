import type { Decimal } from 'decimal.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import type { Run } from '../flow/Run.js';
import { distance } from '../linalg/dense.js';
import { QuadraticModel } from '../models/quadratic.js';
import { TaylorQuadraticFlow } from '../precise/taylorQuadraticFlow.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { flushedDouble } from './preciseReferenceRun.js';

/** Digits of the reference solve, and of its companion (the a posteriori error is their distance). */
export const TAYLOR_DIGITS = { reference: 30, companion: 20 } as const;

/**
 * Work budget of one reference solve, in decimal multiplications (~4 microseconds each at 40 digits): the reference
 * is for the small cases a verdict depends on, not for every generated case; a final counterexample (certified once
 * per check) may use ten times more.
 */
export const TAYLOR_WORK_BUDGET = { close: 600_000, final: 6_000_000 } as const;

/** A run rebuilt on the decimal Taylor solve, with what it was computed at. */
export interface TaylorReference {
  readonly run: Run;
  readonly companion: Run;
  readonly digits: number;
  /** max over the endpoint states of |x_30 - x_20| / max(||state||, ||r(0)||): the companion's error bounds the reference's. */
  readonly errorBound: number;
}

const toNumbers = (x: readonly Decimal[]) => Float64Array.from(x, flushedDouble);

/** The run of `tight`'s instance with both flows replaced by a decimal Taylor solve at `digits`. */
function taylorRun(tight: Run, flow: TaylorQuadraticFlow): Run {
  const { model } = tight.instance;
  const w0 = model.w0;
  const weights = (d: readonly Decimal[], out: Float64Array) => {
    for (let j = 0; j < d.length; j++) out[j] = (w0[j] as number) + flushedDouble(d[j] as Decimal);
    return out;
  };
  const end = flow.at(flow.T);
  const { ts } = tight.nonlinear.trajectory;
  let trajectoryRadius = 0;
  const scratch = new Float64Array(model.p);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as number;
    const mid = i + 1 < ts.length ? 0.5 * (t + (ts[i + 1] as number)) : t;
    for (const s of [t, mid]) trajectoryRadius = Math.max(trajectoryRadius, distance(weights(flow.at(s).d, scratch), w0));
  }
  const wT = weights(end.d, new Float64Array(model.p));
  const rT = toNumbers(end.r);
  const rbarT = toNumbers(end.rbar);
  const norm = (x: readonly Decimal[]) => flushedDouble(x.reduce((s, v) => s.plus(v.times(v)), new flow.Decimal(0)).sqrt());
  const diff = (a: readonly Decimal[], b: readonly Decimal[]) => a.map((x, i) => x.minus(b[i] as Decimal));
  const weightChange = norm(end.d);
  return {
    ...tight,
    nonlinear: {
      ...tight.nonlinear,
      wT,
      rT,
      trajectory: {
        ts,
        weights: (t, out = new Float64Array(model.p)) => weights(flow.at(t).d, out),
        residual: (t, out = new Float64Array(model.n)) => {
          out.set(toNumbers(flow.at(t).r));
          return out;
        },
      },
    },
    linear: {
      ...tight.linear,
      residual: (t, out = new Float64Array(model.n)) => {
        out.set(toNumbers(flow.at(t).rbar));
        return out;
      },
      weights: (t, out = new Float64Array(model.p)) => weights(flow.at(t).dbar, out),
      weightChange: (t) => norm(flow.at(t).dbar),
    },
    rbarT,
    E: norm(diff(end.r, end.rbar)),
    weightChange,
    linearWeightChange: norm(end.dbar),
    trajectoryRadius: Math.max(trajectoryRadius, weightChange),
  };
}

/**
 * The independent high-precision reference of a quadratic-model run: both flows re-solved by the decimal.js Taylor
 * integrator ({@link TaylorQuadraticFlow}) at 30 digits on the exact binary inputs, and again at 20 digits; the
 * distance between the two endpoint states, relative to the state's size, is the a posteriori error bound (of the
 * 20-digit solve, so a fortiori of the 30-digit one). Undefined for other models, or past the work `budget`
 * (decimal multiplications).
 */
export function taylorReferenceRun(tight: Run, budget: number = TAYLOR_WORK_BUDGET.close): TaylorReference | undefined {
  const { model, yStar, alpha, T } = tight.instance;
  if (!(model instanceof QuadraticModel)) return undefined;
  const { n, p } = model;
  const ex = (x: ArrayLike<number>) => Array.from(x, exactDecimal);
  const params = { n, p, h0: ex(model.h0), G: ex(model.G), Q: ex(model.Q), yStar: ex(yStar), alpha: exactDecimal(alpha) };
  const solve = (digits: number) => {
    const order = Math.ceil(((digits + 2) * Math.LN10) / 2) + 1;
    const perStep = order * (n * p * p + 2 * order * n * p + 2 * n * p);
    return new TaylorQuadraticFlow(params, exactDecimal(T), { digits, maxSteps: Math.max(1, Math.floor(budget / perStep)) });
  };
  let flows: readonly [TaylorQuadraticFlow, TaylorQuadraticFlow];
  try {
    flows = [solve(TAYLOR_DIGITS.reference), solve(TAYLOR_DIGITS.companion)] as const;
  } catch (error) {
    if (error instanceof NtkSolveError) return undefined;
    throw error;
  }
  const [hi, lo] = flows;
  const a = hi.at(hi.T);
  const b = lo.at(lo.T);
  const D = hi.Decimal;
  let gap = new D(0);
  let size = new D(0);
  for (const key of ['d', 'dbar', 'r', 'rbar'] as const) {
    (a[key] as Decimal[]).forEach((x, i) => {
      gap = larger(gap, x.minus((b[key] as Decimal[])[i] as Decimal).abs());
      size = larger(size, x.abs());
    });
  }
  const errorBound = size.isZero() ? 0 : flushedDouble(gap.div(size));
  return { run: taylorRun(tight, hi), companion: taylorRun(tight, lo), digits: TAYLOR_DIGITS.reference, errorBound };
}

function larger(x: Decimal, y: Decimal): Decimal {
  return x.gte(y) ? x : y;
}
