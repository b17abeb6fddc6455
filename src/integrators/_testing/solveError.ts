import { NtkSolveError } from '../../errors/NtkSolveError.js';

/** The NtkSolveError `call` throws (test-only): fails if it throws anything else, or nothing. */
export function solveError(call: () => unknown): NtkSolveError {
  try {
    call();
  } catch (e) {
    if (e instanceof NtkSolveError) return e;
    throw e;
  }
  throw new Error('no NtkSolveError');
}
