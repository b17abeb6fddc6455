import { toleranceFindings } from './adaptive/toleranceFindings.js';
import { toleranceStudy, type ToleranceStudy } from './adaptive/toleranceStudy.js';
import type { AuditedModule } from './AuditedModule.js';
import type { AuditReport, Finding } from './AuditReport.js';
import { readAuditOptions, type AuditOptions } from './AuditOptions.js';
import { AuditSubject } from './AuditSubject.js';
import { convergenceFindings } from './convergenceFindings.js';
import { convergenceStudy, type ConvergenceStudy } from './convergenceStudy.js';
import { failureFindings } from './failureFindings.js';
import { invariantFinding } from './invariants/invariantFinding.js';
import { invariantStudy, type InvariantStudy } from './invariants/invariantStudy.js';
import { CommandRunner } from './subject/CommandRunner.js';
import { InProcessRunner } from './subject/InProcessRunner.js';
import type { SubjectRunner } from './subject/SubjectRunner.js';
import { WorkerRunner } from './subject/WorkerRunner.js';
import { median } from '../validate/median.js';

/** Everything an audit measured: the JSON report and the studies behind it (for the human-readable output and plots). */
export interface AuditResult {
  readonly report: AuditReport;
  readonly options: AuditOptions;
  /** The fixed-step convergence study (fixed-step subjects), or the tolerance study (adaptive ones). */
  readonly convergence?: ConvergenceStudy;
  readonly tolerance?: ToleranceStudy;
  readonly invariants: InvariantStudy;
  readonly milliseconds: number;
}

const nullIfUndefined = (x: number | undefined): number | null => (x === undefined ? null : x);

/** The median tolerance slope of the smooth probes (see `AuditReport.toleranceSlope`). */
function toleranceSlope(study: ToleranceStudy): AuditReport['toleranceSlope'] {
  const fits = study.sweeps.filter((s) => s.probe.kind !== 'abrupt-clock').flatMap((s) => (s.fit === undefined ? [] : [s.fit]));
  if (fits.length === 0) return null;
  return { slope: median(fits.map((f) => f.slope)), low: median(fits.map((f) => f.low)), high: median(fits.map((f) => f.high)) };
}

/** The smallest error every probe reached (the worst probe's best), or undefined when one never gave a finite result. */
function toleranceFloor(study: ToleranceStudy): number | undefined {
  const best = study.sweeps.map((s) => Math.min(...s.points.map((p) => p.error).filter(Number.isFinite)));
  return best.every(Number.isFinite) && best.length > 0 ? Math.max(...best) : undefined;
}

/**
 * Audit the subject a runner runs (see `runAudit` for what is measured). Closes the runner.
 */
async function auditRunner(runner: SubjectRunner, options: Partial<AuditOptions>): Promise<AuditResult> {
  const start = performance.now();
  const o = readAuditOptions(options);
  const subject = await AuditSubject.open(runner, { timeoutMs: o.timeoutSeconds * 1000 }).catch(async (error: unknown) => {
    await runner.close();
    throw error;
  });
  try {
    let convergence: ConvergenceStudy | undefined;
    let tolerance: ToleranceStudy | undefined;
    const findings: Finding[] = [];
    if (subject.adaptive) {
      tolerance = await toleranceStudy(subject, o);
      findings.push(...toleranceFindings(tolerance));
    } else {
      convergence = await convergenceStudy(subject, o);
      findings.push(...convergenceFindings(convergence, subject.claimedOrder));
    }
    const skip = findings.some((f) => f.kind === 'non-finite') ? (['non-finite'] as const) : [];
    const invariants = await invariantStudy(subject, { runs: o.invariantRuns, seed: o.seed, shrinkMilliseconds: o.shrinkMilliseconds, skip });
    findings.push(...invariants.counterexamples.map(invariantFinding), ...failureFindings(subject));
    const report: AuditReport = {
      name: subject.name,
      claimedOrder: subject.claimedOrder,
      observedOrder: nullIfUndefined(convergence?.observedOrder),
      errorFloor: nullIfUndefined(convergence === undefined ? (tolerance === undefined ? undefined : toleranceFloor(tolerance)) : convergence.errorFloor),
      verdict: findings.length === 0 ? 'pass' : 'fail',
      findings,
      seed: o.seed,
      contract: subject.adaptive ? 'adaptive' : 'fixed-step',
      ...(tolerance === undefined ? {} : { toleranceSlope: toleranceSlope(tolerance) }),
    };
    return {
      report,
      options: o,
      ...(convergence === undefined ? {} : { convergence }),
      ...(tolerance === undefined ? {} : { tolerance }),
      invariants,
      milliseconds: performance.now() - start,
    };
  } finally {
    await subject.close();
  }
}

/**
 * Audit an integrator object in this thread (library use; no deadline can interrupt it here, see
 * `InProcessRunner`). Fixed-step subjects: (1) convergence on the converse ODE (`convergenceStudy`: observed
 * order, error floor, stalls, non-finite results, with diagnoses). Adaptive subjects: (1) the tolerance study
 * (`toleranceStudy`: proportionality, estimate honesty, step control, atol). Both: (2) invariants along its
 * answers on generated quadratic flows (`invariantStudy`: loss non-increasing, Prop 3.1, Thm 1.2, certified and
 * shrunk), and (3) the calls it did not answer in time or at all. The verdict is `fail` when there is any
 * finding. `source` names the module in error messages. Throws NtkInputError when the subject cannot be used.
 */
export function auditIntegrator(module: AuditedModule, source: string, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return auditRunner(new InProcessRunner(module, source), options);
}

/**
 * Audit the JavaScript or TypeScript module at `path` (see `loadIntegrator`), run in a worker thread with a
 * deadline on every call (`timeoutSeconds`) and its heap capped (`memoryMb`).
 */
export function auditModule(path: string, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  const o = readAuditOptions(options);
  return auditRunner(new WorkerRunner(path, o.memoryMb), o);
}

/** Audit the program `command` runs (`sh -c`), speaking the protocol of docs/audit-protocol.md, with a deadline on every call. */
export function auditCommand(command: string, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return auditRunner(new CommandRunner(command), options);
}
