import { formatTightness, seconds } from '../format/numbers.js';
import type { ReportSummary } from './ReportSummary.js';
import type { Timings } from './Timings.js';

/** Largest worst ratio among a statement's holding readings (its tightness), '-' if none held. */
function tightness(readings: ReportSummary['statements'][number]['readings']): string {
  const held = readings.filter((r) => r.role === 'reading' && r.verdict === 'holds').map((r) => Number(r.worstRatio));
  return held.length === 0 ? '-' : formatTightness(Math.max(...held));
}

/**
 * The one-screen summary printed at the end of `ntk-check report`: one line per statement (verdicts, tightness,
 * time), the errata count, the status, where the report went and how long it took.
 */
export function terminalSummary(summary: ReportSummary, timings: Timings, outDir: string): string {
  const width = Math.max(9, ...summary.statements.map((s) => s.id.length));
  const lines = [
    `ntk-check report: profile ${summary.profile.name} (${summary.profile.runs} runs per reading), seed ${summary.seed}`,
    `${'statement'.padEnd(width)}  ${'tightness'.padStart(13)}  ${'time'.padStart(7)}  readings`,
  ];
  for (const s of summary.statements) {
    const verdicts = s.readings.map((r) => `${r.name} ${r.verdict}${r.matches ? '' : ' (MISMATCH)'}`).join(', ');
    const time = `${seconds(timings.statements[s.id] ?? 0)}`;
    lines.push(`${s.id.padEnd(width)}  ${tightness(s.readings).padStart(13)}  ${time.padStart(7)}  ${verdicts}`);
  }
  const plots = Object.entries(timings.plots)
    .map(([name, t]) => `${name} ${seconds(t)}`)
    .join(', ');
  lines.push(
    `errata: ${summary.errata.length} refuted readings with certified counterexamples; converse table: ${summary.converse.rows.length} rows at ${summary.converse.digits} digits`,
    `plots: ${plots}`,
  );
  if (timings.sections !== undefined)
    lines.push(
      `sections: ${Object.entries(timings.sections)
        .map(([name, t]) => `${name} ${seconds(t)}`)
        .join(', ')}`,
    );
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  if (summary.ok) lines.push('OK: every reading has the registry verdict and every mutant is refuted.');
  else lines.push(`${summary.mismatches.length} MISMATCH(ES):`, ...summary.mismatches.map((m) => `  ${m}`));
  lines.push(
    `wrote ${outDir} (index.md, summary.json, ${summary.plots.length + (summary.sections ?? []).reduce((n, s) => n + s.plots.length, 0)} SVGs, timings.json) in ${seconds(timings.totalSeconds)} with ${timings.workers} worker(s)`,
  );
  return lines.join('\n');
}
