import { NtkSolveError } from '../../errors/NtkSolveError.js';
import { nextUp } from './nextUp.js';

/** The next step aims at this fraction of the tolerance (Hairer, Norsett & Wanner I, II.4, eq. (4.13)). */
const SAFETY = 0.9;
/** Bounds of the step-size change per attempt. */
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;

/**
 * The step-size controller shared by the adaptive drivers (`integrateAdaptive`, `integrateExponential`): the
 * elementary controller h_new = h min(MAX_FACTOR, max(MIN_FACTOR, SAFETY err^(-1/(q+1)))), q the order of the
 * error estimate, with no growth on the step right after a rejection; the last step stretched (up to 1%) to land
 * on t1; and the guards of every attempt: the step budget (accepted + rejected attempts) and a step below 10 ulp
 * of t. It counts the accepted and rejected steps.
 */
export class StepController {
  /** Accepted steps. */
  steps = 0;
  /** Rejected attempts. */
  rejected = 0;
  private h: number;
  private justRejected = false;
  private readonly exponent: number;

  /** From the starting step `h`, towards `t1`, for an error estimate of order `errorOrder`, within `maxSteps` attempts. */
  constructor(
    h: number,
    private readonly t1: number,
    errorOrder: number,
    private readonly maxSteps: number,
  ) {
    this.h = h;
    this.exponent = -1 / (errorOrder + 1);
  }

  /**
   * The size of the next attempt from t, and whether it lands on t1 (then h = t1 - t exactly). Throws NtkSolveError
   * 'step-underflow' when the step falls below 10 ulp of t away from t1, 'step-budget' when the budget is spent.
   */
  next(t: number): { readonly h: number; readonly lands: boolean } {
    const { t1 } = this;
    const minStep = 10 * (nextUp(t) - t);
    if (this.h < minStep) {
      if (t1 - t > minStep) throw new NtkSolveError('step-underflow', `step h=${this.h} below 10 ulp of t (${minStep})`, { t, steps: this.steps });
      this.h = t1 - t;
    }
    const lands = t + 1.01 * this.h >= t1;
    if (lands) this.h = t1 - t;
    if (this.steps + this.rejected >= this.maxSteps) {
      const detail = `more than options.maxSteps=${this.maxSteps} step attempts (${this.steps} accepted, ${this.rejected} rejected)`;
      throw new NtkSolveError('step-budget', detail, { t, steps: this.steps });
    }
    return { h: this.h, lands };
  }

  /** The attempt was accepted with error norm `err` (<= 1): count it and size the next one. */
  accept(err: number): void {
    this.steps += 1;
    // Stryker disable next-line ConditionalExpression: equivalent: for err = 0, 0 ** exponent (< 0) is Infinity and min(MAX_FACTOR, Infinity) = MAX_FACTOR
    const factor = err === 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, SAFETY * err ** this.exponent);
    this.h *= this.justRejected ? Math.min(1, factor) : factor;
    this.justRejected = false;
  }

  /** The attempt was rejected with error norm `err` (> 1): count it and shrink the step. */
  reject(err: number): void {
    this.rejected += 1;
    this.h *= Math.max(MIN_FACTOR, SAFETY * err ** this.exponent);
    this.justRejected = true;
  }
}
