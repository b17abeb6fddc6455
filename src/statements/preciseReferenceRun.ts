import type { Decimal } from 'decimal.js';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';
import type { Run } from '../flow/Run.js';
import { ScalarModel } from '../models/scalar.js';
import { decimalToNumber } from '../precise/decimalToNumber.js';
import { PreciseScalarFlow } from '../precise/PreciseScalarFlow.js';
import { exactDecimal } from '../precise/exactDecimal.js';

/** Digits of the reference: far beyond double precision, so its only error is the final rounding to a double. */
const REFERENCE_DIGITS = 30;

/** Half the smallest subnormal: below it a value rounds to 0 in double precision. */
const HALF_MIN_VALUE = '2.4703282292062327e-324';

/** The double nearest to x; magnitudes below the subnormal range round to 0 (decimalToNumber refuses them). */
export function flushedDouble(x: Decimal): number {
  return x.abs().lt(HALF_MIN_VALUE) ? 0 : decimalToNumber(x);
}

/**
 * The run of a scalar instance (model h(w) = a w + b w^2 / 2, docs/theory.md, "The converse model in closed form") with its endpoint
 * replaced by the decimal.js closed form ({@link PreciseScalarFlow}) on the exact binary inputs: w(T), r(T),
 * rbar(T), E(T), ||w(T) - w0||, ||wbar(T) - w0|| and the trajectory radius (= ||w(T) - w0||: a scalar flow is
 * monotone, since h'(w) and r keep their signs). The dense trajectory stays the solver's (pointwise statements
 * gain nothing from it). Values below the double range round to 0. Undefined for other models, or when a value
 * overflows a double.
 */
export function preciseReferenceRun(run: Run): Run | undefined {
  const { model, yStar, alpha, T } = run.instance;
  if (!(model instanceof ScalarModel)) return undefined;
  const w0 = model.w0[0] as number;
  const flow = new PreciseScalarFlow(
    { a: exactDecimal(model.a), b: exactDecimal(model.b), w0: exactDecimal(w0), yStar: exactDecimal(yStar[0] as number), alpha: exactDecimal(alpha) },
    { digits: REFERENCE_DIGITS },
  );
  try {
    const end = flow.at(exactDecimal(T));
    const num = flushedDouble;
    const weightChange = num(end.w.minus(exactDecimal(w0)).abs());
    return {
      ...run,
      nonlinear: { ...run.nonlinear, wT: Float64Array.of(num(end.w)), rT: Float64Array.of(num(end.r)) },
      rbarT: Float64Array.of(num(end.rbar)),
      E: num(end.E),
      weightChange,
      linearWeightChange: num(end.wbar.minus(exactDecimal(w0)).abs()),
      trajectoryRadius: weightChange,
    };
  } catch (error) {
    if (error instanceof NtkPrecisionError) return undefined;
    throw error;
  }
}
