import { performance } from 'node:perf_hooks';
import { checkReading } from '../check/checkReading.js';
import type { ErrataDb } from '../check/errataDb.js';
import { errataExamples } from '../check/errataExamples.js';
import type { Profile } from '../check/profile.js';
import type { AnyStatement } from '../statements/Statement.js';
import type { Job, JobResult, ReadingOutcome } from './Job.js';
import type { PlotBuilder } from '../plot/Plot.js';

/** What a job runs against: the statements and plots of this report, its profile and seed, the errata database. */
export interface JobContext {
  readonly statements: readonly AnyStatement[];
  readonly plots: readonly PlotBuilder[];
  readonly profile: Profile;
  readonly seed: number;
  readonly errata: ErrataDb;
}

/**
 * Check one reading as the property suite does (properties/_support/statementSuite.ts): the profile's runs, the
 * report seed, and — for a reading the registry records as refuted — its committed counterexample replayed first;
 * the profile's shrink budget. An exception (not a refutation: a bug in a
 * statement) becomes an 'error' outcome.
 */
function runReadingJob(statement: AnyStatement, job: Extract<Job, { kind: 'reading' }>, context: JobContext): ReadingOutcome {
  const reading = job.role === 'mutant' ? statement.mutant : statement.readings.find((r) => r.name === job.reading);
  if (reading === undefined) throw new Error(`statement ${statement.id} has no reading ${job.reading}`);
  const stored = job.role === 'reading' && reading.expected === 'refuted' ? context.errata[statement.id]?.[reading.name] : undefined;
  const base = { statementId: statement.id, reading: reading.name, role: job.role, expected: reading.expected, replayed: stored !== undefined };
  const start = performance.now();
  try {
    const { profile, seed } = context;
    const { runs, shrinkEvaluations } = profile;
    const result = checkReading(statement, reading, { runs, seed, shrinkEvaluations, size: profile, ...errataExamples(statement, stored) });
    return { ...base, milliseconds: performance.now() - start, status: 'checked', result };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, milliseconds: performance.now() - start, status: 'error', error: message };
  }
}

/**
 * Run one job against `context` (in this thread). Plot failures throw (a plain Error, never an NtkError: the CLI
 * would report it as bad input): a plot is code, not a finding.
 */
export function runJob(job: Job, context: JobContext): JobResult {
  if (job.kind === 'reading') {
    const statement = context.statements.find((s) => s.id === job.statementId);
    if (statement === undefined) throw new Error(`no statement ${job.statementId} in this report`);
    return { kind: 'reading', outcome: runReadingJob(statement, job, context) };
  }
  const builder = context.plots.find((p) => p.name === job.name);
  if (builder === undefined) throw new Error(`no plot ${job.name} in this report`);
  const start = performance.now();
  const plot = builder.build(context.seed);
  return { kind: 'plot', plot, milliseconds: performance.now() - start };
}
