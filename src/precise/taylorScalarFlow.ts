import type { Decimal } from 'decimal.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { integerInRange } from '../validate/validators.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal, type DecimalInput } from './DecimalInput.js';
import type { ScalarFlowParams } from './PreciseScalarFlow.js';
import { log10Abs } from './_internals/magnitude.js';
import { taylorCoefficients } from './_internals/taylorCoefficients.js';

/** Options of {@link taylorScalarFlow}. */
export interface TaylorOptions {
  /** Target relative accuracy 10^-digits of the truncation, an integer in [10, 200]. Default 60. */
  readonly digits?: number;
  /** Most steps before giving up with NtkSolveError('step-budget'). Default 10 000. */
  readonly maxSteps?: number;
}

/** What {@link taylorScalarFlow} returns: w(T) and alpha h(w(T)) at the working precision, and the work done. */
export interface TaylorResult {
  readonly w: Decimal;
  /** alpha h(w(T)). */
  readonly v: Decimal;
  readonly steps: number;
  readonly order: number;
}

/** Working digits beyond the target: the rounding of ~order^2 products per step and of the step sum. */
const GUARD = 15;

/**
 * An independent reference for the scalar flow `dw/dt = (1/alpha) h'(w) (y* - alpha h(w))`,
 * `h(w) = a w + b w^2/2`: an adaptive Taylor-series integrator in decimal.js. It shares no formula with the
 * closed form ({@link PreciseScalarFlow}); only the ODE.
 *
 * Method (Jorba and Zou 2005, §3.2): order `N = ceil(ln(10^(digits+2)) / 2) + 1` (73 for 60 digits); at each
 * step the radius of convergence is estimated from the growth of the last two coefficients,
 * `rho = min_{j = N-1, N} max((|w_1| / |w_j|)^(1/(j-1)), (|w_0| / |w_j|)^(1/j))` (scale-free), and the step
 * is `h = rho / e^2`, so the truncated tail `|w_N| h^N` is below `e^(-2(N-1)) < 10^-(digits+2)` times the
 * larger of the step's increment `|w_1| h` and `|w|` (relative accuracy in w; the first form matters while
 * w is near 0, e.g. at w0 = 0). Works at `digits + 15` significant digits. Cost grows like the decay rate
 * `h'(w*)^2 T` at the target (the Taylor series of `e^(-lambda t)` limits the step to ~N/(e^3 lambda)):
 * about 0.02 s per step at 60 digits.
 *
 * Throws NtkInputError on bad input (`T` must be >= 0), NtkSolveError('step-budget') past `maxSteps`.
 */
export function taylorScalarFlow(params: ScalarFlowParams, T: DecimalInput, options: TaylorOptions = {}): TaylorResult {
  const digits = integerInRange('digits', options.digits ?? 60, 10, 200);
  const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 10_000, 1, 1e9);
  const D = decimalContext(digits + GUARD);
  const f = {
    a: readDecimal('a', params.a, D),
    b: readDecimal('b', params.b, D),
    yStar: readDecimal('yStar', params.yStar, D),
    alpha: readDecimal('alpha', params.alpha, D, 'positive'),
  };
  const end = readDecimal('T', T, D, 'nonNegative');
  const order = Math.ceil(((digits + 2) * Math.LN10) / 2) + 1;
  let w = readDecimal('w0', params.w0, D);
  let t = new D(0);
  let steps = 0;
  while (t.lt(end)) {
    if (steps === maxSteps) throw new NtkSolveError('step-budget', `${maxSteps} Taylor steps`, { t: t.toNumber(), steps });
    const c = taylorCoefficients(D, f, w, order);
    const log1 = log10Abs(c[1] as Decimal);
    if (log1 === -Infinity) break; // a fixed point (h'(w) = 0 or y* = alpha h(w)): w stays put
    const log0 = log10Abs(w);
    // log10 of the step radius: relative to the increment, (|w_1|/|w_j|)^(1/(j-1)), or to w, (|w_0|/|w_j|)^(1/j).
    const radii = [order - 1, order].flatMap((j) => {
      const lj = log10Abs(c[j] as Decimal);
      // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent: a zero coefficient gives an infinite radius, which Math.min below ignores like a missing one
      return lj === -Infinity ? [] : [Math.max((log1 - lj) / (j - 1), (log0 - lj) / j)];
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: Math.min() of no radii is already Infinity
    const log10Rho = radii.length > 0 ? Math.min(...radii) : Infinity;
    const rest = end.minus(t);
    const proposal = Number.isFinite(log10Rho) ? D.pow(10, log10Rho - 2 / Math.LN10) : rest;
    const h = rest.lte(proposal) ? rest : proposal;
    let sum = c[order] as Decimal;
    for (let k = order - 1; k >= 0; k--) sum = sum.times(h).plus(c[k] as Decimal);
    w = sum;
    t = h === rest ? end : t.plus(h);
    steps++;
  }
  const v = f.alpha.times(f.a.times(w).plus(f.b.times(w).times(w).div(2)));
  return { w, v, steps, order };
}
