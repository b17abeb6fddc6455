import type { AnyStatement } from '../statements/Statement.js';
import { searchReport, type SearchReport } from './searchReport.js';
import type { WorstCaseDb, WorstCaseEntry } from '../io/worstCaseDb.js';

/** Options of {@link refreshWorstCases}: an evaluation budget per reading (deterministic), the seed, the baseline. */
export interface RefreshOptions {
  readonly evaluations: number;
  readonly seed: number;
  readonly baseline?: boolean;
  /** Called after each reading (progress). */
  readonly onReport?: (report: SearchReport) => void;
}

/** The database entry of a search report (undefined when the search scored no case). */
export function worstCaseEntry(report: SearchReport): WorstCaseEntry | undefined {
  if (report.certification === undefined || report.instance === null) return undefined;
  return {
    case: report.instance,
    ratio: report.worstRatio,
    verdict: report.certification.verdict,
    certified: report.certified,
    methods: report.certification.methods,
    seed: report.seed,
    evaluations: report.evaluations,
    ...(report.randomWorstRatio !== undefined && Number.isFinite(report.randomWorstRatio) && { randomWorstRatio: report.randomWorstRatio }),
  };
}

/**
 * Search every reading the registry records as holding, over `statements`, and collect each worst case (or
 * certified counterexample: a finding) into a fresh worst-case database. Deterministic for a seed: the budget
 * is a number of measure() calls.
 */
export function refreshWorstCases(statements: readonly AnyStatement[], options: RefreshOptions): { db: WorstCaseDb; reports: SearchReport[] } {
  const db: Record<string, Record<string, WorstCaseEntry>> = {};
  const reports: SearchReport[] = [];
  for (const statement of statements) {
    for (const reading of statement.readings.filter((r) => r.expected === 'holds')) {
      const report = searchReport(statement, reading, options);
      reports.push(report);
      options.onReport?.(report);
      const entry = worstCaseEntry(report);
      if (entry !== undefined) (db[statement.id] ??= {})[reading.name] = entry;
    }
  }
  return { db, reports };
}
