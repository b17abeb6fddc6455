import { NtkError } from './NtkError.js';

/** What went wrong in a numerical solve. */
export type SolveFailure = 'non-finite' | 'step-budget' | 'step-underflow' | 'no-convergence';

/** A numerical solve that could not deliver a trustworthy answer (never a silent NaN). */
export class NtkSolveError extends NtkError {
  override name = 'NtkSolveError';
  readonly reason: SolveFailure;
  /** Time reached when the solve gave up. */
  readonly t: number;
  readonly steps: number;

  constructor(reason: SolveFailure, detail: string, context: { t: number; steps: number }) {
    super(`solve failed (${reason}) at t=${context.t} after ${context.steps} steps: ${detail}`);
    this.reason = reason;
    this.t = context.t;
    this.steps = context.steps;
  }
}
