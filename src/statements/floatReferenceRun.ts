import { NtkSolveError } from '../errors/NtkSolveError.js';
import type { Instance } from '../flow/Instance.js';
import type { Run } from '../flow/Run.js';
import { solveGapRun } from '../flow/solveGapRun.js';

/** Tolerance of the float reference: 1e5 times tighter than the working solve, 1e3 times the tight one. */
export const FLOAT_REFERENCE_RTOL = 1e-13;

/** Tolerance of its companion, 100x looser: their distance is the reference's error estimate. */
export const FLOAT_COMPANION_RTOL = 1e-11;

/** Step budget of the float reference: it settles close calls only, and gives up (no reference) past this. */
const FLOAT_REFERENCE_STEPS = 400_000;

/**
 * The float reference of an instance that has no decimal one (mean-field nets, a user's model, a quadratic flow past the
 * Taylor series' work budget: the long horizons, the large quadratics): the instance
 * re-solved in its differences (`solveGapRun`: delta = w - w0 and the gap e = r - rbar as the state, so a gap far
 * below the residual keeps its relative accuracy) by DOP853, the explicit 8(5,3) pair (an order and a formulation
 * the working and tight dopri5 solves of w do not share), at `rtol` (FLOAT_REFERENCE_RTOL for the reference,
 * FLOAT_COMPANION_RTOL for its companion). The judge takes the distance between the two as the reference's
 * uncertainty: the certification pair's principle (a solve against one 100x tighter), at tolerances where the
 * measured quantities are resolved. Undefined when the solve fails (step budget, non-finite state).
 */
export function floatReferenceRun(instance: Instance, rtol: number): Run | undefined {
  try {
    return solveGapRun(instance, { rtol, maxSteps: FLOAT_REFERENCE_STEPS });
  } catch (error) {
    if (error instanceof NtkSolveError) return undefined;
    throw error;
  }
}
