import { branchKeys } from '../statements/branchKeys.js';
import type { Expectation, Reading, Statement } from '../statements/Statement.js';
import { certifyCase, type Certification } from './certifyCase.js';
import type { RejectReason } from './evaluateCase.js';
import { randomWorst } from './randomWorst.js';
import type { BudgetLimits } from './SearchBudget.js';
import type { Optimizer } from './Optimizer.js';
import { searchWorst } from './searchWorst.js';

/** The worst case the search met in one branch of the bound, re-checked. */
export interface BranchWorst {
  readonly worstRatio: number;
  readonly certified: boolean;
  /** The case, described (`statement.describe`). */
  readonly instance: unknown;
  readonly certification: Certification;
}

/** What `ntk-check search --json` prints per reading (a contract: id, worstRatio, instance, certified, evaluations). */
export interface SearchReport {
  readonly id: string;
  readonly worstRatio: number;
  /** The worst case, described (`statement.describe`); null when no case could be scored. */
  readonly instance: unknown;
  /** The worst case was re-checked (rtol/100 re-solve or second algorithm, and the decimal reference of scalar flows) and agreed. */
  readonly certified: boolean;
  /** measure() calls of the search. */
  readonly evaluations: number;
  /** Additional fields. */
  readonly reading: string;
  readonly expected: Expectation;
  readonly seed: number;
  readonly milliseconds: number;
  readonly verdict: 'pass' | 'violation' | 'none';
  readonly certification?: Certification;
  /** Worst ratio of the random phase of the search alone. */
  readonly randomPhaseWorstRatio: number;
  /** Random sampling at the same number of measure() calls (with `baseline`), its worst case and its re-check. */
  readonly randomWorstRatio?: number;
  readonly randomMilliseconds?: number;
  readonly randomInstance?: unknown;
  readonly randomCertification?: Certification;
  readonly rejected: Readonly<Record<RejectReason, number>>;
  /** The optimizer that ran, and the branch searched alone (with `--branch`). */
  readonly optimizer: Optimizer;
  readonly branch?: string;
  /** The worst case of every branch of the bound the search met ('none': a bound without a min), re-checked. */
  readonly branches: Readonly<Record<string, BranchWorst>>;
}

/** Options of {@link searchReport}: the budget, the seed, and whether to run the random baseline too. */
export interface SearchReportOptions extends BudgetLimits {
  readonly seed: number;
  readonly baseline?: boolean;
  /** Search only the cases where this branch of the bound is active. */
  readonly branch?: string;
  /** Default: the statement's winner (`defaultOptimizer`). */
  readonly optimizer?: Optimizer;
}

/**
 * Search one reading for its worst case, re-check that case (`certifyCase`) and the worst case of every branch of
 * the bound (certified only when the re-check keeps it in its branch), and optionally run random sampling at the
 * same number of measure() calls (the baseline the search must beat).
 */
export function searchReport<C, M>(statement: Statement<C, M>, reading: Reading<M>, options: SearchReportOptions): SearchReport {
  const result = searchWorst(statement, reading, options);
  const branches = Object.fromEntries(
    Object.entries(result.worstByBranch).map(([name, w]): [string, BranchWorst] => {
      const c = certifyCase(statement, reading, w.case);
      return [name, { worstRatio: w.ratio, certified: c.certified && branchKeys(c).includes(name), instance: statement.describe(w.case), certification: c }];
    }),
  );
  const certification = result.worst === undefined ? undefined : certifyCase(statement, reading, result.worst.case);
  const random =
    options.baseline && result.evaluations > 0 ? randomWorst(statement, reading, { seed: options.seed, evaluations: result.evaluations }) : undefined;
  const randomCase = random?.worstCase;
  // The baseline's worst case is re-checked when it violates (a counterexample the search did not reach).
  const randomCertification = randomCase !== undefined && random!.worstRatio > 1 ? certifyCase(statement, reading, randomCase) : undefined;
  return {
    id: statement.id,
    worstRatio: result.worstRatio,
    instance: result.worst === undefined ? null : statement.describe(result.worst.case),
    certified:
      (certification?.certified ?? false) &&
      (options.branch === undefined || (certification !== undefined && branchKeys(certification).includes(options.branch))),
    evaluations: result.evaluations,
    reading: reading.name,
    expected: reading.expected,
    seed: options.seed,
    milliseconds: result.milliseconds,
    verdict: certification?.verdict ?? 'none',
    ...(certification && { certification }),
    randomPhaseWorstRatio: result.randomPhase.worstRatio,
    ...(random && { randomWorstRatio: random.worstRatio, randomMilliseconds: random.milliseconds }),
    ...(randomCertification && { randomInstance: statement.describe(randomCase!), randomCertification }),
    rejected: result.rejected,
    optimizer: result.optimizer,
    ...(result.branch !== undefined && { branch: result.branch }),
    branches,
  };
}

/** A reading the registry says holds, refuted by a certified violation (of the search or its baseline): a finding. */
export function isFinding(report: SearchReport): boolean {
  const refutes = (c: Certification | undefined) => c !== undefined && c.verdict === 'violation' && c.certified;
  return report.expected === 'holds' && (refutes(report.certification) || refutes(report.randomCertification));
}
