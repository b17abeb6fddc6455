import { NtkSolveError } from '../errors/NtkSolveError.js';
import { solveRun, type Run } from '../flow/Run.js';

/** Tolerance of the float reference: 1e5 times tighter than the working solve, 1e3 times the tight one. */
export const FLOAT_REFERENCE_RTOL = 1e-13;

/** Tolerance of its companion, 100x looser: their distance is the reference's error estimate. */
export const FLOAT_COMPANION_RTOL = 1e-11;

/** Step budget of the float reference: it settles close calls only, and gives up (no reference) past this. */
const FLOAT_REFERENCE_STEPS = 400_000;

/**
 * The float reference of a run that has no decimal one (mean-field nets, a user's model, a quadratic flow past the
 * Taylor series' work budget): the instance re-solved by DOP853, the explicit 8(5,3) pair (an order neither the
 * working and tight dopri5 solves nor the exponential 4(3) pair of the long horizons share), at
 * `rtol` (FLOAT_REFERENCE_RTOL for the reference, FLOAT_COMPANION_RTOL for its companion). The judge takes the
 * distance between the two as the reference's uncertainty: the certification pair's principle (a solve against
 * one 100x tighter), at tolerances where the measured quantities are resolved. Undefined when the solve fails
 * (step budget, non-finite state).
 */
export function floatReferenceRun(tight: Run, rtol: number): Run | undefined {
  try {
    return solveRun(tight.instance, { rtol, method: 'explicit', tableau: 'dop853', estimateError: false, maxSteps: FLOAT_REFERENCE_STEPS });
  } catch (error) {
    if (error instanceof NtkSolveError) return undefined;
    throw error;
  }
}
