import type { Finding } from './AuditReport.js';
import type { ConvergenceStudy, ProbeResult } from './convergenceStudy.js';
import { describeProbe, probeLabel } from './converseProbes.js';
import { diagnoseStepCount } from './diagnoseStepCount.js';
import { fixed2, sci } from './_internals/format.js';

/** The verdict's tolerance: an observed order more than this below the claimed one fails (as OrdinaryDiffEq's tests). */
export const ORDER_TOLERANCE = 0.3;

const errorsOf = (r: ProbeResult) => r.points.map((p) => ({ steps: p.steps, error: p.error }));

function nonFiniteFinding(results: readonly ProbeResult[]): Finding | undefined {
  const bad = results.filter((r) => r.nonFinite !== undefined);
  const first = bad[0];
  if (first?.nonFinite === undefined) return undefined;
  const { steps, y } = first.nonFinite;
  return {
    kind: 'non-finite',
    detail: `solve returned a non-finite y(t1) = ${y} on ${bad.length} of ${results.length} probes, first on the ${probeLabel(first.probe)} with ${steps} steps`,
    counterexample: { probe: describeProbe(first.probe), steps, y: String(y) },
  };
}

function orderFinding(results: readonly ProbeResult[], claimed: number, median: number | undefined): Finding | undefined {
  const low = results.filter((r) => r.fit !== undefined && r.fit.order < claimed - ORDER_TOLERANCE);
  if (low.length === 0) return undefined;
  const worst = low.reduce((a, b) => ((b.fit?.order ?? Infinity) < (a.fit?.order ?? Infinity) ? b : a));
  const list = low.map((r) => `${probeLabel(r.probe)}: ${fixed2(r.fit?.order ?? NaN)} over ${r.fit?.fromSteps}..${r.fit?.toSteps} steps`).join('; ');
  return {
    kind: 'order',
    detail:
      `observed order below the claimed ${claimed} by more than ${ORDER_TOLERANCE} on ${low.length} of ${results.length} probes (${list})` +
      (median === undefined ? '' : `; median over all probes ${fixed2(median)}`),
    counterexample: { probe: describeProbe(worst.probe), errors: errorsOf(worst) },
  };
}

function stallFinding(results: readonly ProbeResult[]): Finding | undefined {
  const stalled = results.filter((r) => r.stallLevel !== undefined);
  if (stalled.length === 0) return undefined;
  const worst = stalled.reduce((a, b) => ((b.stallLevel ?? 0) > (a.stallLevel ?? 0) ? b : a));
  const last = worst.points[worst.points.length - 1];
  return {
    kind: 'stall',
    detail:
      `the relative error stops decreasing at ${sci(worst.stallLevel ?? NaN)} (up to ${last?.steps} steps) on the ${probeLabel(worst.probe)}, ` +
      `far above double rounding and before reaching 1e-9${stalled.length > 1 ? ` (${stalled.length} of ${results.length} probes stall)` : ''}`,
    counterexample: { probe: describeProbe(worst.probe), errors: errorsOf(worst) },
  };
}

/** A probe whose convergence failed: order too low, or a stall. */
const failed = (r: ProbeResult, claimed: number) => r.stallLevel !== undefined || (r.fit !== undefined && r.fit.order < claimed - ORDER_TOLERANCE);

function timeDependenceFinding(results: readonly ProbeResult[], claimed: number): Finding | undefined {
  const autonomous = results.filter((r) => r.probe.kind === 'autonomous');
  const other = results.filter((r) => r.probe.kind === 'non-autonomous');
  const bad = other.filter((r) => failed(r, claimed));
  if (bad.length === 0 || autonomous.some((r) => failed(r, claimed) || r.nonFinite !== undefined)) return undefined;
  const first = bad[0] as ProbeResult;
  return {
    kind: 'time-dependence',
    detail:
      `converges at the claimed order on every autonomous probe but not on ${bad.length} of ${other.length} non-autonomous (time-warped) ones ` +
      `(${probeLabel(first.probe)}: order ${fixed2(first.fit?.order ?? NaN)}, best error ${sci(first.bestError ?? NaN)}): ` +
      'solve evaluates f at the wrong times t (e.g. a frozen clock, or t counted from 0 instead of t0)',
    counterexample: { probe: describeProbe(first.probe), errors: errorsOf(first) },
  };
}

/**
 * The findings of a convergence study against the claimed order: non-finite results; an observed order more
 * than {@link ORDER_TOLERANCE} below the claim on any probe; an error that stalls above 1e-9; and two diagnoses:
 * `time-dependence` (fine on the autonomous probes, not on the time-warped ones) and `step-count` (the result
 * is y(t1 -+ h), see `diagnoseStepCount`).
 */
export function convergenceFindings(study: ConvergenceStudy, claimed: number): Finding[] {
  const { probes } = study;
  const stepCount = probes.filter((r) => r.probe.kind === 'autonomous' && failed(r, claimed)).map(diagnoseStepCount).find((f) => f !== undefined);
  return [
    nonFiniteFinding(probes),
    orderFinding(probes, claimed, study.observedOrder),
    stallFinding(probes),
    timeDependenceFinding(probes, claimed),
    stepCount,
  ].filter((f): f is Finding => f !== undefined);
}
