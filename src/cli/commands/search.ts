import { seconds, significant } from '../../format/numbers.js';
import { shellWord } from '../../io/shellWord.js';
import { existsSync } from 'node:fs';
import { DEFAULT_SEED } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { branchNames } from '../../search/branchNames.js';
import { OPTIMIZERS, type Optimizer } from '../../search/Optimizer.js';
import { mergeWorstCase } from '../../search/mergeWorstCase.js';
import { refreshWorstCases } from '../../search/refreshWorstCases.js';
import { isFinding, searchReport, type SearchReport } from '../../search/searchReport.js';
import { databaseTarget } from '../../io/databaseTarget.js';
import { loadWorstCases, type WorstCaseDb } from '../../io/worstCaseDb.js';
import { registry } from '../../statements/registry.js';
import { integerInRange, oneOf, positiveNumber } from '../../validate/validators.js';
import writeFileAtomic from 'write-file-atomic';
import { EXIT, type CliIo, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';
import { pickReading, requireStatement } from './check.js';
import type { AnyStatement, Reading } from '../../statements/Statement.js';

/** measure() calls per reading when neither --budget nor --evaluations is given. */
const DEFAULT_EVALUATIONS = 1000;

const FLAGS = {
  all: { type: 'boolean', default: false },
  reading: { type: 'string' },
  branch: { type: 'string' },
  optimizer: { type: 'string' },
  budget: { type: 'string' },
  evaluations: { type: 'string' },
  seed: { type: 'string' },
  baseline: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** The budget: --budget SECONDS (wall clock) and/or --evaluations N; default N = 1000. --write needs a reproducible one. */
function budgetOf(values: { budget?: string; evaluations?: string; write?: boolean }): { evaluations?: number; milliseconds?: number } {
  const budgetSeconds = values.budget === undefined ? undefined : positiveNumber('--budget', numberFlag('budget', values.budget));
  if (budgetSeconds !== undefined && values.write)
    throw new NtkInputError('--budget', values.budget, 'absent with --write (a time budget is not reproducible: use --evaluations)');
  const evaluations =
    values.evaluations === undefined ? undefined : integerInRange('--evaluations', numberFlag('evaluations', values.evaluations), 1, 10_000_000);
  if (budgetSeconds === undefined) return { evaluations: evaluations ?? DEFAULT_EVALUATIONS };
  return { milliseconds: budgetSeconds * 1000, ...(evaluations !== undefined && { evaluations }) };
}

/**
 * The command that re-runs the search that found a violation: exact under an evaluation budget (the search is
 * deterministic for its seed and its count of measure() calls); a wall-clock budget is not reproducible.
 */
function replaySuffix(r: SearchReport, timed: boolean): string {
  if (r.verdict !== 'violation') return '';
  const branch = r.branch === undefined ? '' : ` --branch ${shellWord(r.branch)}`;
  const command = `npx ntk-check search ${r.id} --reading ${r.reading}${branch} --optimizer ${r.optimizer} --seed ${r.seed} --evaluations ${r.evaluations}`;
  return timed ? `; re-run (not exact: the wall-clock budget stopped it): ${command}` : `; replay: ${command}`;
}

/** The --branch value, checked against the branches the reading's bound has. */
function branchOf(statement: AnyStatement, reading: Reading<unknown>, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const names = branchNames(statement, reading);
  if (names.length === 0) throw new NtkInputError('--branch', name, `absent: the bound of ${statement.id}/${reading.name} has no branches`);
  return oneOf('--branch', name, names);
}

function line(r: SearchReport, timed = false): string {
  const random = r.randomWorstRatio === undefined ? '' : `, random sampling ${significant(r.randomWorstRatio, 6)} at the same budget`;
  const state = isFinding(r) ? 'CERTIFIED VIOLATION of a reading the registry says holds' : r.certified ? 'certified' : 'not certified';
  const branch = r.branch === undefined ? '' : ` [${r.branch} branch]`;
  const perBranch = Object.entries(r.branches)
    .filter(([name]) => name !== 'none')
    .map(([name, b]) => `${name} ${significant(b.worstRatio, 6)}${b.certified ? '' : ' (not certified)'}`);
  const branches = perBranch.length === 0 ? '' : `; per branch: ${perBranch.join(', ')}`;
  return `${r.id}/${r.reading}${branch}: worst ratio ${significant(r.worstRatio, 8)}${random} (${r.evaluations} evaluations, ${seconds(r.milliseconds / 1000)}, ${r.optimizer}, seed ${r.seed}, ${state})${branches}${replaySuffix(r, timed)}`;
}

function emit(io: CliIo, json: boolean, reports: SearchReport[], single: boolean, timed: boolean): void {
  if (json) io.out(JSON.stringify(single ? reports[0] : reports));
  else for (const r of reports) io.out(line(r, timed));
}

/**
 * `ntk-check search ID | --all`: targeted search for the worst tightness ratio of a reading (src/search).
 * Flags: `--reading NAME` (default: the first holding reading); `--branch NAME` scores only the cases where that
 * branch of the bound's min is active (the names the statement labels them with: kappa, saturated, ...);
 * `--optimizer evolution|nelder-mead` (default: the winner of the race for that statement, `defaultOptimizer`);
 * `--budget SECONDS` of wall clock and/or `--evaluations N` measure() calls (default 1000; only a count is
 * reproducible); `--seed S`; `--baseline` adds `randomWorstRatio`, random sampling at the same number of
 * measure() calls; `--json` prints `{"id", "worstRatio", "instance", "certified", "evaluations", ...,
 * "branches": {name: {worstRatio, certified, instance}}}` (an array with --all); `--write` stores the worst cases
 * in `--db PATH` (default ./worst-cases.json in the working folder; never inside an installed package;
 * inside the repository, `--db properties/worst-cases.json`) (--all rebuilds it, one search per branch of each paper constant; an ID merges
 * into it, keeping the worse of the stored and the new case, per branch too, so the database holds the hardest
 * case known). Exit 1 when the search certifies a violation of a reading the registry says holds; bad arguments
 * throw NtkInputError (exit 2).
 */
export const searchCommand: Command = {
  name: 'search',
  usage:
    'search ID|--all [--reading NAME] [--branch NAME] [--optimizer evolution|nelder-mead] [--budget SECONDS] [--evaluations N] [--seed S] [--baseline] [--write [--db PATH]] [--json]',
  summary:
    'Targeted search (random starts + local optimizers, successive halving) for the worst lhs/rhs ratio, per branch; --write stores worst cases (./worst-cases.json or --db PATH).',
  flags: {
    'ID|--all': 'one statement, or every reading that holds',
    '--reading NAME': 'a reading of ID (default: its first reading that holds)',
    '--branch NAME': 'score only cases where this branch of the bound is active (kappa, saturated, ...)',
    '--optimizer evolution|nelder-mead': 'the local optimizer (default: the winner of the race for that statement)',
    '--budget SECONDS': 'wall-clock budget per reading (not reproducible)',
    '--evaluations N': 'measure() calls per reading (default 1000; reproducible for a seed)',
    '--seed S': 'seed, 0..2147483647',
    '--baseline': 'also run random sampling at the same budget',
    '--write': 'store the worst cases in ./worst-cases.json, or in --db PATH',
    '--db PATH': 'with --write: the database file to write (inside the repository: properties/worst-cases.json)',
    '--json': 'print the SearchReport (an array with --all)',
  },
  examples: ['search thm-1.2 --branch saturated --budget 60', 'search thm-1.2 --evaluations 2000', 'search --all --evaluations 500 --json'],
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (positionals.length > 1) throw new NtkInputError('ID', positionals.join(' '), 'a single statement id');
    if (values.all === (positionals.length === 1)) throw new NtkInputError('ID', positionals[0], 'given, or --all (not both)');
    if (values.all && values.reading !== undefined)
      throw new NtkInputError('--reading', values.reading, 'absent with --all (every reading that holds is searched)');
    const target = databaseTarget('worstCases', values);
    if (values.all && values.branch !== undefined) throw new NtkInputError('--branch', values.branch, 'absent with --all (every branch is searched)');
    const budget = budgetOf(values);
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const optimizer = values.optimizer === undefined ? undefined : oneOf<Optimizer>('--optimizer', values.optimizer, OPTIMIZERS);
    const options = { ...budget, seed, baseline: values.baseline, ...(optimizer && { optimizer }) };
    let reports: SearchReport[];
    let db: WorstCaseDb;
    if (values.all) {
      ({ db, reports } = refreshWorstCases(registry, {
        ...options,
        evaluations: budget.evaluations ?? DEFAULT_EVALUATIONS,
        ...(!values.json && { onReport: (r) => io.err(line(r, budget.milliseconds !== undefined)) }),
      }));
    } else {
      const statement = requireStatement(positionals[0]);
      const reading = pickReading(statement, values.reading);
      const branch = branchOf(statement, reading, values.branch);
      const report = searchReport(statement, reading, { ...options, ...(branch !== undefined && { branch }) });
      reports = [report];
      const stored = target !== undefined && existsSync(target) ? loadWorstCases(target) : loadWorstCases();
      const keep = mergeWorstCase(stored[report.id]?.[report.reading], report);
      db = keep === undefined ? stored : { ...stored, [report.id]: { ...stored[report.id], [report.reading]: keep } };
    }
    emit(io, values.json, reports, !values.all, budget.milliseconds !== undefined);
    if (target !== undefined) {
      writeFileAtomic.sync(target, `${JSON.stringify(db, null, 1)}\n`);
      if (!values.json) io.out(`wrote ${target} (seed ${seed}, ${budget.evaluations} evaluations per reading)`);
    }
    return reports.some(isFinding) ? EXIT.failed : EXIT.ok;
  },
};
