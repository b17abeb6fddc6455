import { performance } from 'node:perf_hooks';
import { NtkInputError } from '../errors/NtkInputError.js';

/** How much a search may spend: measure() calls, wall-clock milliseconds, or both (whichever runs out first). */
export interface BudgetLimits {
  /** measure() calls. A search bounded by evaluations only is deterministic for its seed. */
  readonly evaluations?: number;
  /** Wall-clock milliseconds (not reproducible: the number of evaluations then depends on the machine). */
  readonly milliseconds?: number;
}

/** Attempts (decodes, hypothesis checks) allowed per evaluation before a search gives up on a barren space. */
const ATTEMPTS_PER_EVALUATION = 50;

/** A budget being spent: counts measure() calls and attempts, and reports the fraction used. */
export class SearchBudget {
  readonly limits: BudgetLimits;
  #evaluations = 0;
  #attempts = 0;
  readonly #start = performance.now();

  /** Throws NtkInputError unless at least one limit is given and every given limit is > 0. */
  constructor(limits: BudgetLimits) {
    if (limits.evaluations === undefined && limits.milliseconds === undefined)
      throw new NtkInputError('budget', limits, 'given as evaluations and/or milliseconds');
    if (limits.evaluations !== undefined && !(Number.isInteger(limits.evaluations) && limits.evaluations > 0))
      throw new NtkInputError('budget.evaluations', limits.evaluations, 'an integer > 0');
    if (limits.milliseconds !== undefined && !(limits.milliseconds > 0)) throw new NtkInputError('budget.milliseconds', limits.milliseconds, 'a number > 0');
    this.limits = limits;
  }

  /** measure() calls so far. */
  get evaluations(): number {
    return this.#evaluations;
  }

  get elapsedMilliseconds(): number {
    return performance.now() - this.#start;
  }

  /** Count one attempt, and one evaluation when measure() was called. */
  spend(measured: boolean): void {
    this.#attempts++;
    if (measured) this.#evaluations++;
  }

  /** Fraction of the budget used, in [0, 1] (1 also when attempts ran far beyond the evaluations). */
  fraction(): number {
    const { evaluations, milliseconds } = this.limits;
    const byCount = evaluations === undefined ? 0 : this.#evaluations / evaluations;
    const byTime = milliseconds === undefined ? 0 : this.elapsedMilliseconds / milliseconds;
    const barren = this.#attempts > ATTEMPTS_PER_EVALUATION * (this.#evaluations + 20) ? 1 : 0;
    return Math.min(1, Math.max(byCount, byTime, barren));
  }

  exhausted(): boolean {
    return this.fraction() >= 1;
  }
}
