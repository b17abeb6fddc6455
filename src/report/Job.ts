import type { CheckResult } from '../check/checkReading.js';
import type { Expectation } from '../statements/Statement.js';
import type { Plot } from '../plot/Plot.js';

/** One unit of report work, small enough to send to a worker thread: check one reading, or build one plot. */
export type Job =
  | { readonly kind: 'reading'; readonly statementId: string; readonly reading: string; readonly role: 'reading' | 'mutant' }
  | { readonly kind: 'plot'; readonly name: string };

/** What checking one reading gave: the check result, or the error that stopped it (a bug, reported as such). */
export type ReadingOutcome = {
  readonly statementId: string;
  readonly reading: string;
  readonly role: 'reading' | 'mutant';
  readonly expected: Expectation;
  /** True when the committed counterexample (properties/errata.json) was replayed first. */
  readonly replayed: boolean;
  /** Wall-clock time of the check (timings.json only: never in the deterministic files). */
  readonly milliseconds: number;
} & ({ readonly status: 'checked'; readonly result: CheckResult } | { readonly status: 'error'; readonly error: string });

/** The result of a job, as it crosses back from a worker (plain, structured-clonable data). */
export type JobResult =
  | { readonly kind: 'reading'; readonly outcome: ReadingOutcome }
  | { readonly kind: 'plot'; readonly plot: Plot; readonly milliseconds: number };
