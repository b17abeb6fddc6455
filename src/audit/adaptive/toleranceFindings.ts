import type { Finding } from '../AuditReport.js';
import { describeProbe, probeLabel } from '../converseProbes.js';
import { fixed, scientific, significant } from '../../format/numbers.js';
import { ATOL_FACTORS, ATOL_SERIES_RTOL, ROUNDING_LEVEL, type TolerancePoint, type ToleranceStudy, type ToleranceSweep } from './toleranceStudy.js';

/** The error "follows" its tolerance while it stays within this factor of rtol (a correct solver: within ~100). */
export const STOP_RATIO = 1e3;
/** Proportionality fails when the 95% interval of the slope lies wholly outside [SLOPE_MIN, SLOPE_MAX]. */
export const SLOPE_MIN = 0.5;
export const SLOPE_MAX = 2;
/** The estimate is dishonest when the true error exceeds it by more than this factor. */
export const HONESTY_FACTOR = 10;
/** The controller overreacts when more than this fraction of the step attempts on smooth problems is rejected. */
export const MAX_REJECTED_FRACTION = 0.25;
/**
 * atol is ignored when, while atol falls by 1e4 (ATOL_FACTORS), the error falls by less than this factor (an
 * honoured atol: by about 1e4; errors below rounding count as the rounding level).
 */
export const ATOL_RESPONSE_MIN = 10;

const pointsOf = (s: ToleranceSweep) =>
  s.points.map((p) => ({
    rtol: p.rtol,
    atol: p.atol,
    error: p.error,
    evaluations: p.evaluations,
    ...(p.estimate === undefined ? {} : { estimate: p.estimate }),
  }));
const ci = (s: ToleranceSweep) => (s.fit === undefined ? '' : `slope ${fixed(s.fit.slope, 2)}, 95% interval [${fixed(s.fit.low, 2)}, ${fixed(s.fit.high, 2)}]`);

/** The first tolerance from which on every finite error exceeds STOP_RATIO rtol: where the error stops following. */
export function stopsFollowingAt(sweep: ToleranceSweep): TolerancePoint | undefined {
  const finite = sweep.points.filter((p) => Number.isFinite(p.error));
  for (let j = 0; j < finite.length; j++) {
    if (finite.slice(j).every((p) => p.error > STOP_RATIO * p.rtol)) return finite[j];
  }
  return undefined;
}

/** A sweep fails proportionality: its error stops following rtol, or its slope is far from 1. */
export function disproportionate(sweep: ToleranceSweep): boolean {
  const fit = sweep.fit;
  return stopsFollowingAt(sweep) !== undefined || (fit !== undefined && (fit.high < SLOPE_MIN || fit.low > SLOPE_MAX));
}

function toleranceFinding(sweeps: readonly ToleranceSweep[]): Finding | undefined {
  const bad = sweeps.filter(disproportionate);
  const first = bad[0];
  if (first === undefined) return undefined;
  const stop = stopsFollowingAt(first);
  const fit = first.fit;
  const what =
    stop === undefined
      ? `the error falls as rtol^${fixed(fit?.slope ?? NaN, 2)} (${ci(first)}), ${(fit?.high ?? 0) < SLOPE_MIN ? 'far slower than the tolerance' : 'far faster than the tolerance: the solver does much more work than asked'}`
      : `the error stops following its tolerance at rtol = ${scientific(stop.rtol)}: from there on it exceeds ${scientific(STOP_RATIO)} x rtol (${scientific(stop.error)} at rtol ${scientific(stop.rtol)})`;
  return {
    kind: 'tolerance',
    detail: `tolerance proportionality: on the ${probeLabel(first.probe)} ${what}${bad.length > 1 ? ` (${bad.length} of ${sweeps.length} probes fail)` : ''}`,
    counterexample: { probe: describeProbe(first.probe), points: pointsOf(first) },
  };
}

function estimateFinding(sweeps: readonly ToleranceSweep[]): Finding | undefined {
  let worst: { sweep: ToleranceSweep; point: TolerancePoint; ratio: number } | undefined;
  // The abrupt-clock probe is left out: a local estimate cannot see a jump that a step straddles.
  for (const sweep of sweeps.filter((s) => s.probe.kind !== 'abrupt-clock')) {
    for (const point of sweep.points) {
      if (point.estimate === undefined || !(point.error >= 10 * ROUNDING_LEVEL)) continue;
      const ratio = point.error / point.estimate;
      if (ratio > HONESTY_FACTOR && (worst === undefined || ratio > worst.ratio)) worst = { sweep, point, ratio };
    }
  }
  if (worst === undefined) return undefined;
  const { sweep, point } = worst;
  const vanishes = (point.estimate ?? 0) <= ROUNDING_LEVEL;
  return {
    kind: 'error-estimate',
    detail:
      `the solver's error estimate is dishonest: at rtol = ${scientific(point.rtol)} on the ${probeLabel(sweep.probe)} it reports ${scientific(point.estimate ?? NaN)} (relative) ` +
      `while the true error is ${scientific(point.error)}, ${vanishes ? 'far' : `${scientific(worst.ratio)} times`} larger (criterion: true error <= ${HONESTY_FACTOR} x estimate)` +
      (vanishes ? '; the estimate vanishes, as when the embedded solution is computed with the weights of the propagated one' : ''),
    counterexample: { probe: describeProbe(sweep.probe), points: pointsOf(sweep) },
  };
}

function rejectionFinding(sweeps: readonly ToleranceSweep[]): Finding | undefined {
  const reported = sweeps
    .filter((s) => s.probe.kind !== 'abrupt-clock')
    .flatMap((s) => s.points.filter((p) => p.acceptedSteps !== undefined && p.rejectedSteps !== undefined));
  const accepted = reported.reduce((a, p) => a + (p.acceptedSteps ?? 0), 0);
  const rejected = reported.reduce((a, p) => a + (p.rejectedSteps ?? 0), 0);
  const fraction = rejected / (accepted + rejected);
  if (!(fraction > MAX_REJECTED_FRACTION)) return undefined;
  return {
    kind: 'step-control',
    detail:
      `the step-size controller overreacts: it rejects ${fixed(100 * fraction, 0)}% of its step attempts (${rejected} of ${accepted + rejected}) on the smooth probes, ` +
      `where a stable controller rejects few (criterion: at most ${100 * MAX_REJECTED_FRACTION}%); e.g. an error norm missing its square root doubles the controller's exponent and makes the step size oscillate`,
    counterexample: { accepted, rejected },
  };
}

function neverRejectsFinding(sweeps: readonly ToleranceSweep[]): Finding | undefined {
  const abrupt = sweeps.filter((s) => s.probe.kind === 'abrupt-clock' && disproportionate(s));
  const diagnosed = abrupt.filter((a) => sweeps.every((s) => s.probe.set !== a.probe.set || s.probe.kind === 'abrupt-clock' || !disproportionate(s)));
  const first = diagnosed[0];
  if (first === undefined) return undefined;
  const rejected = first.points.reduce((a, p) => a + (p.rejectedSteps ?? 0), 0);
  const reports = first.points.some((p) => p.rejectedSteps !== undefined);
  return {
    kind: 'step-rejection',
    detail:
      `follows its tolerance on the smooth probes of parameter set #${first.probe.set} but not on the ${probeLabel(first.probe)}, whose clock idles and then jumps: ` +
      'the steps that cross the jump must be rejected, and this step controller accepts them (it never rejects a step whose error estimate exceeds the tolerance)' +
      (reports ? `; it reports ${rejected} rejected steps there` : ''),
    counterexample: { probe: describeProbe(first.probe), points: pointsOf(first) },
  };
}

/** How much the error fell over an atol series: first over last error, each at least the rounding level. */
function atolResponse(sweep: ToleranceSweep): number {
  const errors = sweep.points.map((p) => Math.max(p.error, ROUNDING_LEVEL));
  return (errors[0] ?? NaN) / (errors[errors.length - 1] ?? NaN);
}

function atolFinding(atolSweeps: readonly ToleranceSweep[]): Finding | undefined {
  const complete = atolSweeps.filter((s) => s.points.length === ATOL_FACTORS.length && s.points.every((p) => Number.isFinite(p.error)));
  const bad = complete.filter((s) => atolResponse(s) < ATOL_RESPONSE_MIN);
  const first = bad[0];
  if (first === undefined) return undefined;
  const errors = first.points.map((p) => p.error);
  return {
    kind: 'atol',
    detail:
      `solve ignores atol: at rtol = ${scientific(ATOL_SERIES_RTOL)}, while atol falls 1e4-fold (${scientific(ATOL_FACTORS[0] ?? NaN)} to ${scientific(ATOL_FACTORS[ATOL_FACTORS.length - 1] ?? NaN)} ||y(t1)||), ` +
      `the error stays between ${scientific(Math.min(...errors))} and ${scientific(Math.max(...errors))} on the ${probeLabel(first.probe)} ` +
      `(it falls ${significant(atolResponse(first), 2)}-fold; criterion: at least ${ATOL_RESPONSE_MIN}-fold, an honoured atol gives about 1e4-fold)`,
    counterexample: { probe: describeProbe(first.probe), points: pointsOf(first) },
  };
}

function nonFiniteFinding(sweeps: readonly ToleranceSweep[]): Finding | undefined {
  const bad = sweeps.filter((s) => s.points.some((p) => !Number.isFinite(p.error)));
  const first = bad[0];
  const point = first?.points.find((p) => !Number.isFinite(p.error));
  if (first === undefined || point === undefined) return undefined;
  return {
    kind: 'non-finite',
    detail: `solve returned a non-finite y(t1) on ${bad.length} of ${sweeps.length} probes, first on the ${probeLabel(first.probe)} at rtol = ${scientific(point.rtol)}`,
    counterexample: { probe: describeProbe(first.probe), rtol: point.rtol, atol: point.atol },
  };
}

/**
 * The findings of an adaptive audit's measurements: non-finite results; tolerance proportionality (the error
 * stops following rtol, naming the tolerance, or its fitted slope lies far from 1); error-estimate honesty (the
 * true error more than {@link HONESTY_FACTOR} times the reported estimate); an overreacting step controller (more
 * than {@link MAX_REJECTED_FRACTION} of the attempts rejected on smooth probes, when the solver reports its
 * steps); a controller that never rejects (proportional on the smooth probes, not on the abrupt-clock one); and
 * an ignored atol (no response of the error to atol where atol dominates).
 */
export function toleranceFindings(study: ToleranceStudy): Finding[] {
  const { sweeps, atolSweeps } = study;
  return [
    nonFiniteFinding([...sweeps, ...atolSweeps]),
    toleranceFinding(sweeps),
    estimateFinding(sweeps),
    rejectionFinding(sweeps),
    neverRejectsFinding(sweeps),
    atolFinding(atolSweeps),
  ].filter((f): f is Finding => f !== undefined);
}
