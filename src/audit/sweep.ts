import type { AuditSubject, SubjectFailure } from './AuditSubject.js';
import type { ConvergenceProbe } from './converseProbes.js';
import { roundingCutoff } from './observedOrder.js';

/** One solve of a sweep. */
export interface SweepPoint {
  readonly steps: number;
  /** Calls of f made by this solve. */
  readonly evaluations: number;
  /** The returned y(t1) (with NaN or +-Infinity entries when not finite). */
  readonly y: readonly number[];
  /** Relative error against the reference (NaN when y is not finite). */
  readonly error: number;
}

/** A geometric sweep of step counts on one probe. */
export interface Sweep {
  readonly probe: ConvergenceProbe;
  readonly points: readonly SweepPoint[];
  /** The sweep ended because the error stopped decreasing (a rounding floor, or a stall). */
  readonly plateau: boolean;
  /** The sweep ended because the subject did not answer a call (past its deadline, exited, crashed, or skipped after such a call). */
  readonly failure?: SubjectFailure;
  /** The call was not made: a call at most as demanding had failed before (`failure` is that one). */
  readonly skipped?: boolean;
}

/** Step counts of a sweep: firstSteps, 2 firstSteps, 4 firstSteps, ... up to maxSteps. */
export interface SweepOptions {
  readonly firstSteps: number;
  readonly maxSteps: number;
}

/** A plateau: over the last two doublings the error fell by less than this factor. */
const PLATEAU_FACTOR = 2;
/** Give up after this many non-finite results in a row. */
const MAX_NON_FINITE_RUN = 2;
/** Stop after this many errors in a row below the rounding cutoff: finer steps can only show rounding. */
const MAX_ROUNDING_RUN = 2;

/**
 * Solve `probe` with steps = firstSteps * 2^j, j = 0, 1, ..., until maxSteps, or until the error has stopped
 * decreasing (less than a factor 2 over two doublings: the method has hit its floor, rounding or worse) or has
 * been below the rounding cutoff twice in a row (`plateau`), or after two non-finite results in a row, or at the
 * first call the subject did not answer (`failure`).
 */
export async function sweep(subject: AuditSubject, probe: ConvergenceProbe, options: SweepOptions): Promise<Sweep> {
  const points: SweepPoint[] = [];
  const finiteErrors: number[] = [];
  let nonFiniteRun = 0;
  let roundingRun = 0;
  for (let steps = options.firstSteps; steps <= options.maxSteps; steps *= 2) {
    const outcome = await subject.solve(probe.problem, probe.t0, probe.y0, probe.t1, steps);
    if (outcome.status === 'failed') return { probe, points, plateau: false, failure: outcome.failure, skipped: outcome.skipped };
    const { y, finite, evaluations } = outcome;
    const error = finite ? probe.relativeError(y) : NaN;
    points.push({ steps, evaluations, y: Array.from(y), error });
    if (!finite) {
      if (++nonFiniteRun === MAX_NON_FINITE_RUN) break;
      continue;
    }
    nonFiniteRun = 0;
    finiteErrors.push(error);
    const n = finiteErrors.length;
    roundingRun = error < roundingCutoff(steps) ? roundingRun + 1 : 0;
    const stalled = n >= 3 && (finiteErrors[n - 1] as number) * PLATEAU_FACTOR > (finiteErrors[n - 3] as number);
    if (stalled || roundingRun === MAX_ROUNDING_RUN) return { probe, points, plateau: true };
  }
  return { probe, points, plateau: false };
}
