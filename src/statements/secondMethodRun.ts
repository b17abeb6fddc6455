import { NtkSolveError } from '../errors/NtkSolveError.js';
import { solveRun, type Run } from '../flow/Run.js';

/** Step budget of the second method: it re-checks close verdicts, and gives up (no second opinion) past this. */
const SECOND_METHOD_STEPS = 200_000;

/**
 * The run of `tight`'s instance re-solved at the same tolerance by the other integrator of `gradientFlow`: the
 * exponential 4(3) pair where the tight solve was the explicit Dormand-Prince 5(4) pair, and the explicit pair where
 * it was exponential (or switched). A method of another order takes other steps, so its distance to the tight solve
 * is an error estimate that two solves of one method (which can share their early steps bit for bit) are not.
 * Undefined when that solve fails (step budget, non-finite state).
 */
export function secondMethodRun(tight: Run): Run | undefined {
  const method = tight.nonlinear.method === 'explicit' ? 'exponential' : 'explicit';
  try {
    return solveRun(tight.instance, { rtol: tight.nonlinear.rtol, method, estimateError: false, maxSteps: SECOND_METHOD_STEPS });
  } catch (error) {
    if (error instanceof NtkSolveError) return undefined;
    throw error;
  }
}
