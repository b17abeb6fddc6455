import { availableParallelism } from 'node:os';
import { DEFAULT_SEED, PROFILES, type Profile, type ProfileName } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { openQuestionsSection } from '../../explore/openQuestions.js';
import { generateReport, type ReportOptions } from '../../report/generateReport.js';
import { terminalProgress } from '../../report/progress.js';
import { workersAvailable } from '../../report/runJobs.js';
import { terminalSummary } from '../../report/terminalSummary.js';
import { integerInRange, oneOf } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

/** Default report directory, relative to the working directory. */
export const DEFAULT_REPORT_DIR = 'reports/latest';

/** Most worker threads the report starts by default (more cores than jobs of similar size do not help). */
const MAX_DEFAULT_WORKERS = 4;

/** What the report command runs against; tests swap in a statement subset, tiny plots and tiny profiles. */
export type ReportDependencies = Pick<ReportOptions, 'statements' | 'plots' | 'converseKappas' | 'errata' | 'hooks' | 'sections'> & {
  readonly profiles?: Readonly<Record<ProfileName, Profile>>;
};

/** Worker threads by default: one per core (at most 4) from the compiled CLI, none from the TypeScript sources. */
function defaultWorkers(): number {
  return workersAvailable() ? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS) : 0;
}

/**
 * `ntk-check report`: the main job (see `generateReport`). Exit 0 when every reading has the registry's verdict
 * and every mutant is refuted, 1 otherwise (the report is written either way, mismatches first), 2 on bad
 * arguments. A progress bar on a terminal, then a one-screen summary.
 */
export function createReportCommand(deps: ReportDependencies = {}): Command {
  const profiles = deps.profiles ?? PROFILES;
  return {
    name: 'report',
    usage: 'report [--profile quick|ci|deep] [--out DIR] [--seed S] [--workers N]',
    summary: `Check every statement, write ${DEFAULT_REPORT_DIR}/ (index.md, summary.json, SVG plots) atomically; exit 0 when all verdicts match.`,
    flags: {
      '--profile quick|ci|deep': 'runs per reading and shrink budget (default quick)',
      '--out DIR': `where to write the report (default ${DEFAULT_REPORT_DIR}, relative to the working folder)`,
      '--seed S': 'fast-check seed, 0..2147483647 (the same seed writes the same bytes)',
      '--workers N': 'worker threads, 0..64 (default: one per core, at most 4)',
    },
    examples: ['report', 'report --profile ci --out r --seed 7'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(
        argv,
        { profile: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' } },
        true,
      );
      if (positionals.length > 0) throw new NtkInputError('arguments', positionals.join(' '), 'flags only (report takes no positional arguments)');
      const profile = profiles[oneOf<ProfileName>('--profile', values.profile ?? 'quick', ['quick', 'ci', 'deep'])];
      const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
      const outDir = values.out ?? DEFAULT_REPORT_DIR;
      if (outDir.trim() === '') throw new NtkInputError('--out', outDir, 'a directory path');
      const workers = integerInRange('--workers', numberFlag('workers', values.workers, defaultWorkers()), 0, 64);
      if (workers > 0 && (!workersAvailable() || deps.statements !== undefined || deps.plots !== undefined)) {
        throw new NtkInputError('--workers', workers, '0 here (worker threads need the compiled CLI and the full registry)');
      }
      const run = await generateReport({ ...deps, outDir, profile, seed, workers, progress: terminalProgress(io) });
      io.out(terminalSummary(run.summary, run.timings, outDir));
      return run.summary.ok ? EXIT.ok : EXIT.failed;
    },
  };
}

/** The `report` sub-command with the full registry, every plot, and the open questions of src/explore. */
export const reportCommand: Command = createReportCommand({ sections: [openQuestionsSection()] });
