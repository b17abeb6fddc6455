/** Audit of a user's numeric integrator (`ntk-check audit MODULE`): convergence order, error floor, invariants. */
export type { AuditRhs, IntegratorModule } from './IntegratorModule.js';
export type { AuditProblem } from './AuditProblem.js';
export type { AdaptiveIntegratorModule, AdaptiveSolution, Tolerances } from './AdaptiveIntegratorModule.js';
export { isAdaptive, type AuditedModule } from './AuditedModule.js';
export type { ProblemSpec, ClockWarp } from './ProblemSpec.js';
export { buildProblem } from './buildProblem.js';
export { abruptClockProblem } from './abruptClockProblem.js';
export { auditCommand } from './auditIntegrator.js';
export { toleranceStudy, RTOLS, ATOL_FACTORS, type ToleranceStudy, type ToleranceSweep, type TolerancePoint } from './adaptive/toleranceStudy.js';
export { toleranceFindings } from './adaptive/toleranceFindings.js';
export { slopeFit, type SlopeFit } from './adaptive/slopeFit.js';
export { failureFindings } from './failureFindings.js';
export { auditFigures, type AuditFigure } from './auditPlots.js';
export { writeAuditOutputs } from './writeAuditOutputs.js';
export { PROTOCOL } from './subject/protocol.js';
export type { SubjectRunner, SubjectMeta } from './subject/SubjectRunner.js';
export { InProcessRunner } from './subject/InProcessRunner.js';
export { WorkerRunner } from './subject/WorkerRunner.js';
export { CommandRunner, COMMAND } from './subject/CommandRunner.js';
export type { AuditReport, Finding, FindingKind } from './AuditReport.js';
export { DEFAULT_AUDIT, QUICK_AUDIT, readAuditOptions, type AuditOptions } from './AuditOptions.js';
export { auditIntegrator, auditModule, type AuditResult } from './auditIntegrator.js';
export {
  AuditSubject,
  type SolveOutcome,
  type SolvedOutcome,
  type FailedOutcome,
  type SubjectFailure,
  type FailureKind,
  type SubjectLimits,
} from './AuditSubject.js';
export { loadIntegrator } from './loadIntegrator.js';
export { convergenceStudy, STALL_LEVEL, type ConvergenceOptions, type ConvergenceStudy, type ProbeResult } from './convergenceStudy.js';
export { convergenceFindings, ORDER_TOLERANCE } from './convergenceFindings.js';
export {
  abruptClockProbe,
  converseProbes,
  describeProbe,
  probeLabel,
  type ConvergenceProbe,
  type ConverseProbeParams,
  type ProbeKind,
} from './converseProbes.js';
export { observedOrder, roundingCutoff, type ErrorPoint, type OrderFit } from './observedOrder.js';
export { sweep, type Sweep, type SweepOptions, type SweepPoint } from './sweep.js';
export { workPrecision, type WorkPrecisionRow } from './workPrecision.js';
export { formatAudit } from './formatAudit.js';
export { gradientFlowProblem } from './gradientFlowProblem.js';
export { timeWarpedProblem } from './timeWarpedProblem.js';
export { invariantStudy, type InvariantStudy, type InvariantStudyOptions, type InvariantCounterexample } from './invariants/invariantStudy.js';
export {
  checkCase,
  INVARIANT_KINDS,
  REFINE,
  UNDECIDED,
  ADAPTIVE_RTOL,
  ADAPTIVE_RTOL_FINE,
  type InvariantKind,
  type Violation,
} from './invariants/checkCase.js';
export { invariantCaseArb, stableSteps, type InvariantCase, type InvariantCaseConstraints } from './invariants/invariantCaseArb.js';
