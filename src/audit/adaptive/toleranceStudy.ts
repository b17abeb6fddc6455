import type { AuditSubject, SubjectFailure } from '../AuditSubject.js';
import { abruptClockProbe, converseProbes, type ConvergenceProbe } from '../converseProbes.js';
import { slopeFit, type SlopeFit } from './slopeFit.js';

/** rtol of the proportionality sweep: 1e-3, 1e-4, ..., 1e-12. */
export const RTOLS: readonly number[] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((e) => 10 ** -e);
/** atol of the atol series, in units of ||y(t1)||: 1e-5 ... 1e-9, at rtol ATOL_SERIES_RTOL (so atol dominates). */
export const ATOL_FACTORS: readonly number[] = [5, 6, 7, 8, 9].map((e) => 10 ** -e);
export const ATOL_SERIES_RTOL = 1e-13;
/** Relative errors below this are rounding, not control (100 eps): left out of every fit. */
export const ROUNDING_LEVEL = 100 * Number.EPSILON;

/** One adaptive solve of a sweep. */
export interface TolerancePoint {
  readonly rtol: number;
  readonly atol: number;
  /** Relative error ||y - y(t1)|| / ||y(t1)|| against the decimal reference (NaN when y is not finite). */
  readonly error: number;
  readonly evaluations: number;
  /** The solver's estimate of ||y - y(t1)||, divided by ||y(t1)|| (relative, like `error`), when it reports one. */
  readonly estimate?: number;
  readonly acceptedSteps?: number;
  readonly rejectedSteps?: number;
}

/** A probe's tolerance sweep, its fit, and what ended it early. */
export interface ToleranceSweep {
  readonly probe: ConvergenceProbe;
  readonly points: readonly TolerancePoint[];
  /** Slope of log error against log rtol (or log atol for the atol series) over the points above rounding. */
  readonly fit: SlopeFit | undefined;
  readonly failure: SubjectFailure | undefined;
  /** The call was not made: a call at most as demanding had failed before (`failure` is that one). */
  readonly skipped: boolean;
}

/** The data of an adaptive audit. */
export interface ToleranceStudy {
  /** The proportionality sweeps: per parameter set, the autonomous, non-autonomous, vector and abrupt-clock probes. */
  readonly sweeps: readonly ToleranceSweep[];
  /** The atol series on the autonomous probes. */
  readonly atolSweeps: readonly ToleranceSweep[];
}

/** Two results in a row at rounding level, or non-finite: tighter tolerances can only cost more. */
const STOP_RUN = 2;

async function sweepTolerances(
  subject: AuditSubject,
  probe: ConvergenceProbe,
  settings: readonly { rtol: number; atol: number }[],
  axis: 'rtol' | 'atol',
): Promise<ToleranceSweep> {
  const points: TolerancePoint[] = [];
  let failure: SubjectFailure | undefined;
  let skipped = false;
  let run = 0;
  for (const tolerances of settings) {
    const out = await subject.solveTo(probe.problem, probe.t0, probe.y0, probe.t1, tolerances);
    if (out.status === 'failed') {
      failure = out.failure;
      skipped = out.skipped;
      break;
    }
    const error = out.finite ? probe.relativeError(out.y) : NaN;
    points.push({
      ...tolerances,
      error,
      evaluations: out.evaluations,
      ...(out.errorEstimate === undefined ? {} : { estimate: out.errorEstimate / probe.referenceNorm }),
      ...(out.acceptedSteps === undefined ? {} : { acceptedSteps: out.acceptedSteps }),
      ...(out.rejectedSteps === undefined ? {} : { rejectedSteps: out.rejectedSteps }),
    });
    run = error >= ROUNDING_LEVEL ? 0 : run + 1;
    if (run === STOP_RUN && axis === 'rtol') break;
  }
  const fit = slopeFit(points.filter((p) => p.error >= ROUNDING_LEVEL).map((p) => ({ x: p[axis] / (axis === 'atol' ? probe.referenceNorm : 1), y: p.error })));
  return { probe, points, fit, failure, skipped };
}

/**
 * The measurements of an adaptive audit on the converse probes (`converseProbes`, plus `abruptClockProbe` of each
 * autonomous one): for every probe, `solve(f, t0, y0, t1, { rtol, atol = rtol ||y(t1)|| })` for each of
 * {@link RTOLS}, the relative error against the decimal reference, the f evaluations and what the solver reports;
 * and on each autonomous probe the atol series `{ rtol: 1e-13, atol: a ||y(t1)|| }`, a in {@link ATOL_FACTORS},
 * where a solver that honours atol has an error proportional to a. A sweep stops at the first call the subject
 * does not answer, or (rtol sweeps) after two results in a row at rounding level or non-finite.
 */
export async function toleranceStudy(subject: AuditSubject, options: { readonly parameterSets: number; readonly seed: number }): Promise<ToleranceStudy> {
  const probes = converseProbes(options.parameterSets, options.seed).flatMap((p) => (p.kind === 'autonomous' ? [p, abruptClockProbe(p)] : [p]));
  const sweeps: ToleranceSweep[] = [];
  for (const probe of probes)
    sweeps.push(
      await sweepTolerances(
        subject,
        probe,
        RTOLS.map((rtol) => ({ rtol, atol: rtol * probe.referenceNorm })),
        'rtol',
      ),
    );
  const atolSweeps: ToleranceSweep[] = [];
  for (const probe of probes.filter((p) => p.kind === 'autonomous')) {
    atolSweeps.push(
      await sweepTolerances(
        subject,
        probe,
        ATOL_FACTORS.map((a) => ({ rtol: ATOL_SERIES_RTOL, atol: a * probe.referenceNorm })),
        'atol',
      ),
    );
  }
  return { sweeps, atolSweeps };
}
