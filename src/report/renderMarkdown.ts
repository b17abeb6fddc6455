import { formatNumber, formatTightness } from '../format/numbers.js';
import { markdownTable } from './format.js';
import type { ReadingEntry, ReportSummary, SectionEntry, StatementEntry } from './ReportSummary.js';

/** Counts of the 'branch' label with each branch's worst ratio, e.g. 'kappa 61 (worst 0.093), saturated 39 (worst 0.5)'. */
function branchCoverage(r: ReadingEntry): string {
  const counts = Object.entries(r.coverage.branch ?? {}).filter(([value]) => value !== 'none');
  const worst = (value: string) => (r.worstRatioByBranch[value] === undefined ? '' : ` (worst ${formatTightness(r.worstRatioByBranch[value])})`);
  return counts.length === 0 ? '-' : counts.map(([value, n]) => `${value} ${n}${worst(value)}`).join(', ');
}

function notes(r: ReadingEntry): string {
  return [
    r.replayed ? 'errata.json counterexample replayed first' : '',
    r.discarded > 0 ? `${r.discarded} discarded` : '',
    r.unsolved > 0 ? `${r.unsolved} unsolved` : '',
    r.uncertain > 0 ? `${r.uncertain} uncertain` : '',
    r.nearEqualities > 0 ? `${r.nearEqualities} near-equalities (${r.unconfirmedPasses} unconfirmed)` : '',
    r.missingCoverage.length > 0 ? `coverage missing: ${r.missingCoverage.join(', ')}` : '',
    r.error ?? '',
  ]
    .filter((s) => s !== '')
    .join('; ');
}

function statementRows(s: StatementEntry): string[][] {
  return s.readings.map((r, i) => [
    i === 0 ? `\`${s.id}\` (${s.source})` : '',
    `${r.role === 'mutant' ? 'mutant' : r.name}: \`${r.formula}\``,
    r.expected,
    r.matches ? r.verdict : `**${r.verdict} (MISMATCH)**`,
    String(r.runs),
    `${formatTightness(r.worstRatio)}${r.worstUndecided ? ' (undecided)' : ''}`,
    String(r.undecided),
    branchCoverage(r),
    notes(r),
  ]);
}

function statusSection(summary: ReportSummary): string[] {
  const readings = summary.statements.flatMap((s) => s.readings);
  const lines = ['## Status', ''];
  if (summary.ok) {
    const n = readings.filter((r) => r.role === 'reading').length;
    lines.push(`**OK**: all ${n} readings have the verdict the registry records, and all ${summary.statements.length} sanity mutants are refuted.`);
  } else {
    lines.push(`**${summary.mismatches.length} MISMATCH${summary.mismatches.length === 1 ? '' : 'ES'}**:`, '', ...summary.mismatches.map((m) => `- ${m}`));
  }
  if (summary.warnings.length > 0) lines.push('', 'Warnings:', '', ...summary.warnings.map((w) => `- ${w}`));
  return lines;
}

function errataSection(summary: ReportSummary): string[] {
  const rows = summary.errata.map((e) => [
    `\`${e.id}\` ${e.reading}${e.expected === 'refuted' ? '' : ' (**unexpected**)'}`,
    `\`${e.formula}\``,
    formatNumber(e.lhs, 6),
    formatNumber(e.rhs, 6),
    formatNumber(e.ratio, 6),
    `${formatNumber(e.margin, 3)} > ${formatNumber(e.uncertainty, 3)}`,
    `${e.certifiedBy.method}${e.certifiedBy.digits === undefined ? '' : ` (${e.certifiedBy.digits} digits)`}`,
    e.instance,
    `\`${e.replay}\``,
  ]);
  return [
    '## Errata: refuted readings',
    '',
    'Each with its shrunk counterexample, certified: the violation (margin, by the certifying method: the decimal reference whenever the case has one) beats its uncertainty and the rounding level of its operands. ' +
      'Full cases and fast-check paths are in `summary.json`.',
    '',
    rows.length === 0
      ? 'No reading was refuted.'
      : markdownTable(['reading', 'formula', 'lhs', 'rhs', 'ratio', 'margin > uncertainty', 'certified by', 'instance', 'replay'], rows),
  ];
}

function sharpConstantsSection(summary: ReportSummary): string[] {
  const num = (x: number | null, digits = 5) => (x === null ? '-' : formatNumber(x, digits));
  const rows = summary.sharpConstants.map((e) => [
    `\`${e.statement}\` ${e.reading}`,
    e.branch,
    `${e.symbol} = ${formatNumber(e.paperConstant, 5)}`,
    `${e.relation === '<=' ? '>=' : '<='} ${num(e.empiricalConstant)}${e.certified ? '' : ' (not certified)'}`,
    num(e.ratio, 6),
    num(e.paperOverEmpirical, 4),
    e.sharp === undefined
      ? '-'
      : `${formatNumber(e.sharp.constant, 5)} (${e.sharp.scope}: ${e.sharp.reason}); reached ${formatNumber(100 * e.sharp.reached, 4)}%`,
    e.instance,
    e.search === '' ? '-' : `\`${e.search}\``,
  ]);
  return [
    '## Empirical sharp constants',
    '',
    'For each constant of the paper, the worst certified case the search stored (`properties/worst-cases.json`, refreshed by `npx ntk-check search --all --write --db properties/worst-cases.json` in the repository) ' +
      'bounds the sharp constant: from below for an upper bound (constant x worst ratio), from above for a lower bound (constant / worst ratio). ' +
      "`paper / empirical` says how loose the paper's constant is at least. `npx ntk-check check ID --reading R --runs 1 --json` replays the stored cases (`worstRatioByBranch`); the last column re-runs the search that found each.",
    '',
    rows.length === 0
      ? 'No constants.'
      : markdownTable(
          [
            'statement',
            'branch',
            "paper's constant",
            'sharp constant (certified bound)',
            'worst ratio',
            'paper / empirical',
            'sharp value from theory',
            'case',
            'search',
          ],
          rows,
        ),
  ];
}

function converseSection(summary: ReportSummary): string[] {
  const { digits, rows } = summary.converse;
  return [
    `## Converse model (Thm 1.3) at ${digits} digits`,
    '',
    'Closed form of docs/theory.md evaluated with decimal.js (`src/precise`), correctly rounded; values over sqrt(R0).',
    '',
    markdownTable(
      ['kappa', 'E / sqrt(R0)', 'Thm 1.3 lower: min(kappa, 1) / 5', 'Thm 1.2 upper: min(6 kappa, sqrt 8)', 'E / lower', 'E / upper'],
      rows.map((r) => [r.kappa, r.E, r.lowerBound, r.upperBound, r.overLower, r.overUpper]),
    ),
  ];
}

function plotsSection(summary: ReportSummary): string[] {
  const lines = ['## Plots'];
  summary.plots.forEach((p, i) => {
    lines.push('', `### (${String.fromCharCode(97 + i)}) ${p.title}`, '', `![${p.title}](${p.file})`, '', p.caption);
    if (p.notes.length > 0) lines.push('', ...p.notes.map((n) => `- ${n}`));
    if (p.table !== undefined) lines.push('', markdownTable(p.table.columns, p.table.rows));
  });
  return lines;
}

/** An extra section: its paragraphs, tables (each with its caption) and figures. */
function extraSection(s: SectionEntry): string[] {
  const lines = [`## ${s.title}`];
  for (const p of s.paragraphs) lines.push('', p);
  for (const t of s.tables) lines.push('', t.caption, '', markdownTable(t.columns, t.rows));
  for (const p of s.plots) {
    lines.push('', `### ${p.title}`, '', `![${p.title}](${p.file})`, '', p.caption);
    if (p.notes.length > 0) lines.push('', ...p.notes.map((n) => `- ${n}`));
  }
  return lines;
}

/**
 * index.md of a report: status (mismatches first), the per-statement table, the errata, the converse table and
 * the plots. A pure function of the summary — no clock, no paths — so a seed gives the same bytes.
 */
export function renderMarkdown(summary: ReportSummary): string {
  const { profile, seed } = summary;
  const header = [
    '# ntk-check report',
    '',
    `Profile **${profile.name}**: ${profile.runs} runs per reading, counterexamples shrunk within ${profile.shrinkEvaluations} evaluations each; seed ${seed}. ` +
      `Regenerate with \`npx ntk-check report --profile ${profile.name} --seed ${seed}\`. Machine-readable: \`summary.json\`; ` +
      'wall-clock times: `timings.json` (kept out of this file, which is byte-identical for a seed).',
  ];
  const table = markdownTable(
    ['statement', 'reading', 'expected', 'verdict', 'runs', 'worst ratio', 'undecided', 'branch coverage', 'notes'],
    summary.statements.flatMap(statementRows),
  );
  const statementsSection = [
    '## Statements',
    '',
    'Worst ratio: the largest measured / bound (bound / measured for lower bounds) over passes and certified violations — the tightness; ' +
      '> 1 is a violation. A refuted check stops at its first certified counterexample, hence its small run count.',
    '',
    table,
  ];
  return `${[header, statusSection(summary), statementsSection, errataSection(summary), sharpConstantsSection(summary), converseSection(summary), plotsSection(summary), ...(summary.sections ?? []).map(extraSection)].map((s) => s.join('\n')).join('\n\n')}\n`;
}
