import type { AuditReport, Finding } from './AuditReport.js';
import { readAuditOptions, type AuditOptions } from './AuditOptions.js';
import { AuditSubject } from './AuditSubject.js';
import { convergenceFindings } from './convergenceFindings.js';
import { convergenceStudy, type ConvergenceStudy } from './convergenceStudy.js';
import type { IntegratorModule } from './IntegratorModule.js';
import { invariantFinding } from './invariants/invariantFinding.js';
import { invariantStudy, type InvariantStudy } from './invariants/invariantStudy.js';
import { loadIntegrator } from './loadIntegrator.js';

/** Everything an audit measured: the JSON report and the studies behind it (for the human-readable output). */
export interface AuditResult {
  readonly report: AuditReport;
  readonly options: AuditOptions;
  readonly convergence: ConvergenceStudy;
  readonly invariants: InvariantStudy;
  readonly milliseconds: number;
}

const nullIfUndefined = (x: number | undefined): number | null => (x === undefined ? null : x);

/**
 * Audit an integrator: (1) convergence on the converse ODE (`convergenceStudy`: observed order, error floor,
 * stalls, non-finite results, with diagnoses), (2) invariants along its steps on generated quadratic flows
 * (`invariantStudy`: loss non-increasing, Prop 3.1, Thm 1.2, certified and shrunk). The verdict is `fail` when
 * there is any finding. `source` names the module in error messages. Throws NtkInputError when the module
 * cannot be used (a throwing solve, a result of the wrong shape).
 */
export function auditIntegrator(module: IntegratorModule, source: string, options: Partial<AuditOptions> = {}): AuditResult {
  const start = performance.now();
  const o = readAuditOptions(options);
  const subject = new AuditSubject(module, source);
  const convergence = convergenceStudy(subject, o);
  const findings: Finding[] = convergenceFindings(convergence, subject.claimedOrder);
  const skip = findings.some((f) => f.kind === 'non-finite') ? (['non-finite'] as const) : [];
  const invariants = invariantStudy(subject, { runs: o.invariantRuns, seed: o.seed, shrinkMilliseconds: o.shrinkMilliseconds, skip });
  findings.push(...invariants.counterexamples.map(invariantFinding));
  const report: AuditReport = {
    name: subject.name,
    claimedOrder: subject.claimedOrder,
    observedOrder: nullIfUndefined(convergence.observedOrder),
    errorFloor: nullIfUndefined(convergence.errorFloor),
    verdict: findings.length === 0 ? 'pass' : 'fail',
    findings,
    seed: o.seed,
  };
  return { report, options: o, convergence, invariants, milliseconds: performance.now() - start };
}

/** Load the module at `path` (see `loadIntegrator`) and audit it. */
export async function auditModule(path: string, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return auditIntegrator(await loadIntegrator(path), path, options);
}
