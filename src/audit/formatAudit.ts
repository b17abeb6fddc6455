import { ATOL_SERIES_RTOL } from './adaptive/toleranceStudy.js';
import { stopsFollowingAt } from './adaptive/toleranceFindings.js';
import type { ToleranceStudy } from './adaptive/toleranceStudy.js';
import type { AuditResult } from './auditIntegrator.js';
import type { SubjectFailure } from './AuditSubject.js';
import type { ConvergenceStudy } from './convergenceStudy.js';
import { probeLabel, type ProbeKind } from './converseProbes.js';
import { ADAPTIVE_RTOL, ADAPTIVE_RTOL_FINE, REFINE } from './invariants/checkCase.js';
import { workPrecision } from './workPrecision.js';
import { fixed, scientific, seconds } from '../format/numbers.js';
import { textTable } from './_internals/textTable.js';

const KINDS: readonly ProbeKind[] = ['autonomous', 'non-autonomous', 'vector'];
const ADAPTIVE_KINDS: readonly ProbeKind[] = [...KINDS, 'abrupt-clock'];

/** Why a sweep ended early: the failed call, or the skip it caused. */
const failureNote = (f: SubjectFailure, skipped: boolean) =>
  skipped ? `stopped: calls as demanding as the one that failed (${f.kind}) are skipped` : `${f.kind} at ${f.call}`;

const orNa = (x: number | null | undefined, format: (x: number) => string) => (x === null || x === undefined ? 'n/a' : format(x));

function convergenceLines(convergence: ConvergenceStudy, result: AuditResult): string[] {
  const { options } = result;
  const rows = convergence.probes.map((r) => [
    probeLabel(r.probe),
    orNa(r.fit?.order, (x) => fixed(x, 2)) + (r.fit !== undefined && !r.fit.settled ? ' (unsettled)' : ''),
    r.fit === undefined ? '' : `${r.fit.fromSteps}..${r.fit.toSteps}`,
    orNa(r.bestError, scientific),
    r.failure === undefined
      ? r.stallLevel === undefined
        ? r.nonFinite === undefined
          ? ''
          : `non-finite at ${r.nonFinite.steps} steps`
        : `stalls at ${scientific(r.stallLevel)}`
      : failureNote(r.failure, r.skipped),
  ]);
  return [
    `convergence on the converse ODE: ${options.parameterSets} parameter sets x ${KINDS.join(' / ')}, steps ${options.firstSteps}..${options.maxSteps} doubling`,
    '(relative error of y(t1) against the decimal.js closed form at 30 digits; order = least-squares slope over the asymptotic range)',
    ...textTable(['probe', 'order', 'fitted over', 'best error', ''], rows),
  ];
}

function workPrecisionLines(convergence: ConvergenceStudy): string[] {
  const rows = workPrecision(convergence).map((row) => [
    String(row.steps),
    String(row.evaluations),
    ...KINDS.map((kind) => (kind in row.errors ? scientific(row.errors[kind] as number) : '-')),
  ]);
  return ['work-precision (worst relative error over the parameter sets against f evaluations per solve):', ...textTable(['steps', 'f-evals', ...KINDS], rows)];
}

const fitText = (s: ToleranceStudy['sweeps'][number]) =>
  s.fit === undefined ? 'n/a' : `${fixed(s.fit.slope, 2)} [${fixed(s.fit.low, 2)}, ${fixed(s.fit.high, 2)}]`;

function toleranceLines(study: ToleranceStudy): string[] {
  const rows = study.sweeps.map((s) => {
    const stop = stopsFollowingAt(s);
    const finite = s.points.map((p) => p.error).filter(Number.isFinite);
    const rejected = s.points.some((p) => p.rejectedSteps !== undefined) ? String(s.points.reduce((a, p) => a + (p.rejectedSteps ?? 0), 0)) : '-';
    const note = s.failure === undefined ? (stop === undefined ? '' : `stops following at rtol ${scientific(stop.rtol)}`) : failureNote(s.failure, s.skipped);
    return [probeLabel(s.probe), fitText(s), finite.length > 0 ? scientific(Math.min(...finite)) : 'n/a', rejected, note];
  });
  const atolRows = study.atolSweeps.map((s) => [probeLabel(s.probe), fitText(s), s.points.map((p) => scientific(p.error)).join(' ')]);
  const rtols = [...new Set(study.sweeps.flatMap((s) => s.points.map((p) => p.rtol)))].sort((a, b) => b - a);
  const wp = rtols.map((rtol) => {
    const at = (kind?: ProbeKind) =>
      study.sweeps.filter((s) => kind === undefined || s.probe.kind === kind).flatMap((s) => s.points.filter((p) => p.rtol === rtol));
    const worst = (kind: ProbeKind) => {
      const errors = at(kind).map((p) => p.error);
      return errors.length === 0 ? '-' : scientific(errors.some(Number.isNaN) ? NaN : Math.max(...errors));
    };
    return [scientific(rtol), String(Math.max(...at().map((p) => p.evaluations))), ...ADAPTIVE_KINDS.map(worst)];
  });
  return [
    'tolerance proportionality on the converse ODE: relative error of y(t1) against rtol = 1e-3 .. 1e-12 (atol = rtol ||y(t1)||)',
    '(slope of log error against log rtol, least squares, with its 95% interval; 1 is proportional)',
    ...textTable(['probe', 'slope [95%]', 'best error', 'rejected', ''], rows),
    '',
    `atol series (rtol = ${scientific(ATOL_SERIES_RTOL)}, atol = 1e-5 .. 1e-9 ||y(t1)||; an honoured atol gives slope about 1):`,
    ...textTable(['probe', 'slope [95%]', 'errors'], atolRows),
    '',
    'work-precision (worst relative error over the parameter sets against the most f evaluations of one solve):',
    ...textTable(['rtol', 'f-evals', ...ADAPTIVE_KINDS], wp),
  ];
}

function invariantLine(result: AuditResult): string {
  const { invariants } = result;
  const found = invariants.counterexamples.map((c) => c.violation.kind);
  return (
    `invariants along the steps on ${invariants.cases} generated quadratic flows (loss non-increasing, Prop 3.1, Thm 1.2; ` +
    `a violation counts when it exceeds twice its change under a ${result.report.contract === 'adaptive' ? `re-solve at rtol ${ADAPTIVE_RTOL_FINE} instead of ${ADAPTIVE_RTOL}` : `${REFINE}x finer solve`}): ` +
    (found.length === 0 ? 'no certified violation' : `certified violations: ${found.join(', ')} (shrunk, see findings)`) +
    (invariants.undecided > 0 ? `; ${invariants.undecided} cases undecided (the subject did not answer a call they needed)` : '')
  );
}

/** The error floor, and whether it is one: a probe still converging at maxSteps has not reached its floor. */
function floorText(result: AuditResult): string {
  const floor = orNa(result.report.errorFloor, scientific);
  const converging = result.convergence?.probes.some((r) => !r.plateau && r.nonFinite === undefined && r.failure === undefined) ?? false;
  return converging ? `${floor} (best reached at ${result.options.maxSteps} steps; still converging there)` : floor;
}

/**
 * The human-readable report of an audit: the module and seed, the per-probe convergence table, the
 * work-precision table, the invariant checks, the verdict with observed order and error floor, and the findings.
 */
export function formatAudit(result: AuditResult, source: string): string {
  const { report } = result;
  const lines = [
    `audit of ${JSON.stringify(report.name)} (${source}), ${report.contract === 'adaptive' ? 'adaptive, ' : ''}claimed order ${report.claimedOrder}, seed ${report.seed}`,
    '',
    ...(result.convergence === undefined ? [] : [...convergenceLines(result.convergence, result), '', ...workPrecisionLines(result.convergence)]),
    ...(result.tolerance === undefined ? [] : toleranceLines(result.tolerance)),
    '',
    invariantLine(result),
    '',
    `verdict: ${report.verdict.toUpperCase()}  ` +
      (report.contract === 'adaptive'
        ? `tolerance slope ${orNa(report.toleranceSlope?.slope, (x) => fixed(x, 2))} (1 is proportional), `
        : `observed order ${orNa(report.observedOrder, (x) => fixed(x, 2))} (claimed ${report.claimedOrder}), `) +
      `error floor ${floorText(result)}  [${seconds(result.milliseconds / 1000)}]`,
    ...report.findings.map((f) => `  - ${f.kind}: ${f.detail}`),
  ];
  return lines.join('\n');
}
