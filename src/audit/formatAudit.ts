import type { AuditResult } from './auditIntegrator.js';
import { probeLabel, type ProbeKind } from './converseProbes.js';
import { REFINE } from './invariants/checkCase.js';
import { workPrecision } from './workPrecision.js';
import { fixed2, sci } from './_internals/format.js';
import { textTable } from './_internals/textTable.js';

const KINDS: readonly ProbeKind[] = ['autonomous', 'non-autonomous', 'vector'];

const orNa = (x: number | null | undefined, format: (x: number) => string) => (x === null || x === undefined ? 'n/a' : format(x));

function convergenceLines(result: AuditResult): string[] {
  const { convergence, options } = result;
  const rows = convergence.probes.map((r) => [
    probeLabel(r.probe),
    orNa(r.fit?.order, fixed2) + (r.fit !== undefined && !r.fit.settled ? ' (unsettled)' : ''),
    r.fit === undefined ? '' : `${r.fit.fromSteps}..${r.fit.toSteps}`,
    orNa(r.bestError, sci),
    r.stallLevel !== undefined ? `stalls at ${sci(r.stallLevel)}` : r.nonFinite !== undefined ? `non-finite at ${r.nonFinite.steps} steps` : '',
  ]);
  return [
    `convergence on the converse ODE: ${options.parameterSets} parameter sets x ${KINDS.join(' / ')}, steps ${options.firstSteps}..${options.maxSteps} doubling`,
    '(relative error of y(t1) against the decimal.js closed form at 30 digits; order = least-squares slope over the asymptotic range)',
    ...textTable(['probe', 'order', 'fitted over', 'best error', ''], rows),
  ];
}

function workPrecisionLines(result: AuditResult): string[] {
  const rows = workPrecision(result.convergence).map((row) => [
    String(row.steps),
    String(row.evaluations),
    ...KINDS.map((kind) => (kind in row.errors ? sci(row.errors[kind] as number) : '-')),
  ]);
  return ['work-precision (worst relative error over the parameter sets against f evaluations per solve):', ...textTable(['steps', 'f-evals', ...KINDS], rows)];
}

function invariantLine(result: AuditResult): string {
  const { invariants } = result;
  const found = invariants.counterexamples.map((c) => c.violation.kind);
  return (
    `invariants along the steps on ${invariants.cases} generated quadratic flows (loss non-increasing, Prop 3.1, Thm 1.2; ` +
    `a violation counts when it exceeds twice its change under a ${REFINE}x finer solve): ` +
    (found.length === 0 ? 'no certified violation' : `certified violations: ${found.join(', ')} (shrunk, see findings)`)
  );
}

/** The error floor, and whether it is one: a probe still converging at maxSteps has not reached its floor. */
function floorText(result: AuditResult): string {
  const floor = orNa(result.report.errorFloor, sci);
  const converging = result.convergence.probes.some((r) => !r.plateau && r.nonFinite === undefined);
  return converging ? `${floor} (best reached at ${result.options.maxSteps} steps; still converging there)` : floor;
}

/**
 * The human-readable report of an audit: the module and seed, the per-probe convergence table, the
 * work-precision table, the invariant checks, the verdict with observed order and error floor, and the findings.
 */
export function formatAudit(result: AuditResult, source: string): string {
  const { report } = result;
  const lines = [
    `audit of ${JSON.stringify(report.name)} (${source}), claimed order ${report.claimedOrder}, seed ${report.seed}`,
    '',
    ...convergenceLines(result),
    '',
    ...workPrecisionLines(result),
    '',
    invariantLine(result),
    '',
    `verdict: ${report.verdict.toUpperCase()}  observed order ${orNa(report.observedOrder, fixed2)} (claimed ${report.claimedOrder}), ` +
      `error floor ${floorText(result)}  [${(result.milliseconds / 1000).toFixed(1)} s]`,
    ...report.findings.map((f) => `  - ${f.kind}: ${f.detail}`),
  ];
  return lines.join('\n');
}
