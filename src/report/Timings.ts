import type { JobResult } from './Job.js';

/** Wall-clock times of a report run (timings.json): not deterministic, hence kept out of index.md and summary.json. */
export interface Timings {
  readonly totalSeconds: number;
  /** Worker threads used (0: all jobs in the main thread). */
  readonly workers: number;
  /** statement id -> seconds summed over its readings and mutant (CPU time in a worker, not wall time when parallel). */
  readonly statements: Readonly<Record<string, number>>;
  /** 'id/reading' -> seconds. */
  readonly readings: Readonly<Record<string, number>>;
  /** plot name -> seconds to compute its data (rendering is in renderSeconds). */
  readonly plots: Readonly<Record<string, number>>;
  readonly converseSeconds: number;
  readonly renderSeconds: number;
  /** Extra sections (`ReportOptions.sections`): name -> seconds, and their total (built in the main thread). */
  readonly sections?: Readonly<Record<string, number>>;
  readonly sectionsSeconds?: number;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Collect the timings of a run from its job results. */
export function collectTimings(
  results: readonly JobResult[],
  run: { readonly totalMs: number; readonly workers: number; readonly converseMs: number; readonly renderMs: number },
): Timings {
  const statements: Record<string, number> = {};
  const readings: Record<string, number> = {};
  const plots: Record<string, number> = {};
  for (const r of results) {
    if (r.kind === 'plot') {
      plots[r.plot.name] = seconds(r.milliseconds);
      continue;
    }
    const o = r.outcome;
    const key = `${o.statementId}/${o.reading}`;
    readings[key] = seconds(o.milliseconds);
    statements[o.statementId] = seconds((statements[o.statementId] ?? 0) * 1000 + o.milliseconds);
  }
  return {
    totalSeconds: seconds(run.totalMs),
    workers: run.workers,
    statements,
    readings,
    plots,
    converseSeconds: seconds(run.converseMs),
    renderSeconds: seconds(run.renderMs),
  };
}
