import type { Finding } from './AuditReport.js';
import type { ConvergenceStudy, ProbeResult } from './convergenceStudy.js';
import { describeProbe, probeLabel, type ProbeKind } from './converseProbes.js';
import { diagnoseStepCount } from './diagnoseStepCount.js';
import { fixed, scientific } from '../format/numbers.js';

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
    detail: `solve returned a non-finite y(t1) = [${y.join(', ')}] on ${bad.length} of ${results.length} probes, first on the ${probeLabel(first.probe)} with ${steps} steps`,
    counterexample: { probe: describeProbe(first.probe), steps, y: y.map(String) },
  };
}

/** `3 autonomous, 3 vector`: how many of the results are of each probe kind. */
function countByKind(results: readonly ProbeResult[]): string {
  const counts = new Map<ProbeKind, number>();
  for (const r of results) counts.set(r.probe.kind, (counts.get(r.probe.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function orderFinding(results: readonly ProbeResult[], claimed: number, median: number | undefined): Finding | undefined {
  const low = results.filter((r) => r.fit !== undefined && r.fit.order < claimed - ORDER_TOLERANCE);
  if (low.length === 0) return undefined;
  const worst = low.reduce((a, b) => ((b.fit?.order ?? Infinity) < (a.fit?.order ?? Infinity) ? b : a));
  return {
    kind: 'order',
    detail:
      `observed order below the claimed ${claimed} by more than ${ORDER_TOLERANCE} on ${low.length} of ${results.length} probes (${countByKind(low)}); ` +
      `lowest ${fixed(worst.fit?.order ?? NaN, 2)} on the ${probeLabel(worst.probe)}, fitted over ${worst.fit?.fromSteps}..${worst.fit?.toSteps} steps` +
      (median === undefined ? '' : `; median over all probes ${fixed(median, 2)}`),
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
      `the relative error stops decreasing at ${scientific(worst.stallLevel ?? NaN)} (up to ${last?.steps} steps) on the ${probeLabel(worst.probe)}, ` +
      `far above double rounding and before reaching 1e-9${stalled.length > 1 ? ` (${stalled.length} of ${results.length} probes stall)` : ''}`,
    counterexample: { probe: describeProbe(worst.probe), errors: errorsOf(worst) },
  };
}

/** A probe whose convergence failed: order too low, or a stall. */
const failed = (r: ProbeResult, claimed: number) => r.stallLevel !== undefined || (r.fit !== undefined && r.fit.order < claimed - ORDER_TOLERANCE);

/** A diagnosis: the method is fine on the `good` probe kinds and fails on the `bad` kind. */
interface KindDiagnosis {
  readonly kind: 'time-dependence' | 'components';
  readonly good: ProbeKind;
  readonly bad: ProbeKind;
  readonly cause: string;
}

const KIND_DIAGNOSES: readonly KindDiagnosis[] = [
  {
    kind: 'time-dependence',
    good: 'autonomous',
    bad: 'non-autonomous',
    cause: 'solve evaluates f at the wrong times t (e.g. a frozen clock, or t counted from 0 instead of t0)',
  },
  { kind: 'components', good: 'non-autonomous', bad: 'vector', cause: "solve mixes up the components of y (e.g. one component's slope used for all)" },
];

function kindFinding(results: readonly ProbeResult[], claimed: number, d: KindDiagnosis): Finding | undefined {
  const good = results.filter((r) => r.probe.kind === d.good);
  const other = results.filter((r) => r.probe.kind === d.bad);
  const bad = other.filter((r) => failed(r, claimed));
  if (bad.length === 0 || good.some((r) => failed(r, claimed) || r.nonFinite !== undefined)) return undefined;
  const first = bad[0] as ProbeResult;
  return {
    kind: d.kind,
    detail:
      `converges at the claimed order on every ${d.good} probe but not on ${bad.length} of ${other.length} ${d.bad} ones ` +
      `(${probeLabel(first.probe)}: order ${fixed(first.fit?.order ?? NaN, 2)}, best error ${scientific(first.bestError ?? NaN)}): ${d.cause}`,
    counterexample: { probe: describeProbe(first.probe), errors: errorsOf(first) },
  };
}

/**
 * The findings of a convergence study against the claimed order: non-finite results; an observed order more
 * than {@link ORDER_TOLERANCE} below the claim on any probe; an error that stalls above 1e-9; and diagnoses:
 * `time-dependence` (fine on the autonomous probes, not on the time-warped ones), `components` (fine on the
 * scalar time-warped probes, not on the rotated vector ones, warped alike) and `step-count` (the result is y(t1 -+ h), see
 * `diagnoseStepCount`).
 */
export function convergenceFindings(study: ConvergenceStudy, claimed: number): Finding[] {
  const { probes } = study;
  const stepCount = probes
    .filter((r) => r.probe.kind === 'autonomous' && failed(r, claimed))
    .map(diagnoseStepCount)
    .find((f) => f !== undefined);
  return [
    nonFiniteFinding(probes),
    orderFinding(probes, claimed, study.observedOrder),
    stallFinding(probes),
    ...KIND_DIAGNOSES.map((d) => kindFinding(probes, claimed, d)),
    stepCount,
  ].filter((f): f is Finding => f !== undefined);
}
