import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadErrata, type ErrataDb } from '../check/errataDb.js';
import type { Profile } from '../check/profile.js';
import { loadWorstCases, type WorstCaseDb } from '../io/worstCaseDb.js';
import { registry } from '../statements/registry.js';
import type { AnyStatement } from '../statements/Statement.js';
import { CONVERSE_KAPPAS, converseTable } from './converseTable.js';
import { errataEntries } from './errataEntries.js';
import type { JobResult, ReadingOutcome } from './Job.js';
import { PLOTS, renderSvg, type Plot, type PlotBuilder } from './plots/index.js';
import { silentProgress, type ReportProgress } from './progress.js';
import { renderMarkdown } from './renderMarkdown.js';
import type { ReportSection, ReportSectionBuilder } from './ReportSection.js';
import type { ReportSummary, SectionEntry } from './ReportSummary.js';
import { planJobs } from './planJobs.js';
import { runJobs } from './runJobs.js';
import { sharpConstants } from './sharpConstants.js';
import { summarizeStatements } from './summarizeStatements.js';
import { collectTimings, type Timings } from './Timings.js';
import { writeReportDir, type WriteReportHooks } from './writeReportDir.js';

/** Options of {@link generateReport}. Defaults: the full registry, every plot, the committed errata, no workers. */
export interface ReportOptions {
  /** Target directory (replaced atomically). */
  readonly outDir: string;
  readonly profile: Profile;
  readonly seed: number;
  readonly statements?: readonly AnyStatement[];
  readonly plots?: readonly PlotBuilder[];
  /** Worker threads (0: run every job in this thread; > 0 needs the compiled build and the default statements/plots). */
  readonly workers?: number;
  /** kappa grid of the converse table (exact decimal strings). */
  readonly converseKappas?: readonly string[];
  readonly errata?: ErrataDb;
  /** The worst-case database of the sharp-constant table. Default: the committed properties/worst-cases.json. */
  readonly worstCases?: WorstCaseDb;
  readonly progress?: ReportProgress;
  readonly hooks?: WriteReportHooks;
  /** Extra sections after the plots (built in this thread, after the jobs), e.g. the open questions. Default none. */
  readonly sections?: readonly ReportSectionBuilder[];
}

/** What a report run produced. */
export interface ReportRun {
  readonly summary: ReportSummary;
  readonly timings: Timings;
  /** Absolute path of the written report. */
  readonly outDir: string;
}

/** The summary.json entry of a section: its text, tables and figures (by file), and its data. */
function sectionEntry(name: string, s: ReportSection): SectionEntry {
  return {
    name,
    title: s.title,
    paragraphs: s.paragraphs,
    tables: s.tables,
    plots: s.plots.map((p) => ({ file: `${p.name}.svg`, title: p.title, caption: p.caption, points: p.points, notes: p.notes })),
    data: s.data,
  };
}

/** JSON with 2-space indentation and a final newline (key order is the order the summary was built in). */
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The report job: check every reading and sanity mutant of every statement (the profile's runs, the seed, the
 * committed counterexamples replayed first), build the plots, evaluate the converse table at 50 digits, and write
 * index.md, summary.json, one SVG per plot and timings.json into `outDir`, atomically. Deterministic for a seed,
 * except timings.json. Never throws for a refuted or mismatching reading — those are data (`summary.ok`).
 */
export async function generateReport(options: ReportOptions): Promise<ReportRun> {
  const start = performance.now();
  const statements = options.statements ?? registry;
  const plotBuilders = options.plots ?? PLOTS;
  const { profile, seed } = options;
  const progress = options.progress ?? silentProgress;
  const workers = options.workers ?? 0;
  if (workers > 0 && (options.statements !== undefined || options.plots !== undefined)) {
    throw new Error('generateReport: worker threads run the full registry and plot list; pass workers = 0 with custom statements or plots');
  }
  const jobs = planJobs(statements, plotBuilders);
  const context = { statements, plots: plotBuilders, profile, seed, errata: options.errata ?? loadErrata() };

  progress.start(jobs.length + 2);
  let results: JobResult[];
  try {
    results = await runJobs(jobs, context, workers, (job, _result, done) => {
      progress.update(done, job.kind === 'plot' ? `plot ${job.name}` : `${job.statementId}/${job.reading}`);
    });
  } catch (error) {
    progress.stop();
    throw error;
  }
  const outcomes = results.flatMap((r): ReadingOutcome[] => (r.kind === 'reading' ? [r.outcome] : []));
  const plots = results.flatMap((r): Plot[] => (r.kind === 'plot' ? [r.plot] : []));

  const converseStart = performance.now();
  const converse = converseTable(options.converseKappas ?? CONVERSE_KAPPAS);
  const converseMs = performance.now() - converseStart;
  progress.update(jobs.length + 1, 'converse table');

  const sectionStart = performance.now();
  const sections = (options.sections ?? []).map((builder) => {
    const t0 = performance.now();
    const section = builder.build(profile, seed);
    return { name: builder.name, section, milliseconds: performance.now() - t0 };
  });
  const sectionsMs = performance.now() - sectionStart;

  const renderStart = performance.now();
  const files = new Map<string, string>();
  for (const plot of [...plots, ...sections.flatMap((s) => s.section.plots)]) files.set(`${plot.name}.svg`, await renderSvg(plot.spec));
  const renderMs = performance.now() - renderStart;
  progress.update(jobs.length + 2, 'render');
  progress.stop();

  const { statements: entries, mismatches, warnings } = summarizeStatements(statements, outcomes);
  const summary: ReportSummary = {
    generator: 'ntk-check report',
    profile: { name: profile.name, runs: profile.runs, shrinkEvaluations: profile.shrinkEvaluations },
    seed,
    ok: mismatches.length === 0,
    mismatches,
    warnings,
    statements: entries,
    errata: errataEntries(entries, outcomes),
    sharpConstants: sharpConstants(statements, options.worstCases ?? loadWorstCases()),
    converse,
    plots: plots.map((p) => ({
      file: `${p.name}.svg`,
      title: p.title,
      caption: p.caption,
      points: p.points,
      notes: p.notes,
      ...(p.table && { table: p.table }),
    })),
    ...(sections.length > 0 && { sections: sections.map(({ name, section }) => sectionEntry(name, section)) }),
  };
  files.set('index.md', renderMarkdown(summary));
  files.set('summary.json', json(summary));
  const timings: Timings = {
    ...collectTimings(results, { totalMs: performance.now() - start, workers, converseMs, renderMs }),
    ...(sections.length > 0 && {
      sections: Object.fromEntries(sections.map((s) => [s.name, Math.round(s.milliseconds) / 1000])),
      sectionsSeconds: Math.round(sectionsMs) / 1000,
    }),
  };
  files.set('timings.json', json(timings));
  writeReportDir(options.outDir, files, options.hooks);
  return { summary, timings, outDir: resolve(options.outDir) };
}
