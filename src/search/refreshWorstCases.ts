import type { AnyStatement, Reading } from '../statements/Statement.js';
import type { Optimizer } from './Optimizer.js';
import { searchReport, type SearchReport } from './searchReport.js';
import type { BranchWorstEntry, WorstCaseDb, WorstCaseEntry } from '../io/worstCaseDb.js';

/**
 * Most measure() calls of a search that feeds no paper constant (identities such as eq. (14), readings without a
 * constant of the paper) or that can only sample at random (no parametric search space, e.g. the mean-field
 * statements): its worst case is replay material, and each of its evaluations is costly.
 */
export const SIDE_EVALUATIONS = 1000;

/** Options of {@link refreshWorstCases}: an evaluation budget per search (deterministic), the seed, the baseline. */
export interface RefreshOptions {
  /** measure() calls per search of a paper constant (at most {@link SIDE_EVALUATIONS} for the others). */
  readonly evaluations: number;
  readonly seed: number;
  readonly baseline?: boolean;
  /** Default: each statement's winner (`defaultOptimizer`). */
  readonly optimizer?: Optimizer;
  /** Called after each search (progress). */
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
    optimizer: report.optimizer,
  };
}

/** The stored worst case of the branch a report searched alone. */
function branchEntry(report: SearchReport): BranchWorstEntry | undefined {
  if (report.instance === null) return undefined;
  return { case: report.instance, ratio: report.worstRatio, certified: report.certified, seed: report.seed, evaluations: report.evaluations };
}

/**
 * Search one reading: once over every case when its paper constants have no branches, else once per branch (each
 * with the full budget); the entry is the worst of the certified searches (else of all), with the worst case of each branch.
 */
function searchReading(statement: AnyStatement, reading: Reading<unknown>, refresh: RefreshOptions): { entry?: WorstCaseEntry; reports: SearchReport[] } {
  const side = statement.search === undefined || reading.constants === undefined;
  const options = side ? { ...refresh, evaluations: Math.min(refresh.evaluations, SIDE_EVALUATIONS) } : refresh;
  const names = (reading.constants ?? []).flatMap((c) => (c.branch === undefined ? [] : [c.branch]));
  const reports =
    names.length === 0 ? [searchReport(statement, reading, options)] : names.map((branch) => searchReport(statement, reading, { ...options, branch }));
  for (const report of reports) options.onReport?.(report);
  const rank = (r: SearchReport) => [Number(r.certified), r.worstRatio] as const;
  const worst = reports.reduce((a, b) => {
    const [ca, ra] = rank(a);
    const [cb, rb] = rank(b);
    return cb > ca || (cb === ca && rb > ra) ? b : a;
  });
  const entry = worstCaseEntry(worst);
  if (entry === undefined || names.length === 0) return { ...(entry && { entry }), reports };
  const branches = Object.fromEntries(
    reports.flatMap((r) => {
      const b = branchEntry(r);
      return b === undefined || r.branch === undefined ? [] : [[r.branch, b] as const];
    }),
  );
  return { entry: { ...entry, branches }, reports };
}

/**
 * Search every reading the registry records as holding, over `statements` (per branch of its bound), and collect
 * each worst case (or certified counterexample: a finding) into a fresh worst-case database. Deterministic for a
 * seed: the budget is a number of measure() calls per search.
 */
export function refreshWorstCases(statements: readonly AnyStatement[], options: RefreshOptions): { db: WorstCaseDb; reports: SearchReport[] } {
  const db: Record<string, Record<string, WorstCaseEntry>> = {};
  const reports: SearchReport[] = [];
  for (const statement of statements) {
    for (const reading of statement.readings.filter((r) => r.expected === 'holds')) {
      const result = searchReading(statement, reading, options);
      reports.push(...result.reports);
      if (result.entry !== undefined) db[statement.id] = { ...db[statement.id], [reading.name]: result.entry };
    }
  }
  return { db, reports };
}
