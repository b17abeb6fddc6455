import { NtkError } from './NtkError.js';

/**
 * An internal failure: a computation produced a value it never should (a reading that evaluates to NaN, a broken
 * statement). Never bad input: the CLI exits 3 on it, not 2.
 */
export class NtkInternalError extends NtkError {
  override name = 'NtkInternalError';
}
