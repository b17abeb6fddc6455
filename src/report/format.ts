import type { JsonNumber } from './ReportSummary.js';

/** A number for summary.json: JSON has no Infinity or NaN, so those become strings. */
export function jsonNumber(x: number): JsonNumber {
  return Number.isFinite(x) ? x : String(x);
}

/** A number for a human: `digits` significant digits, 'inf' / 'NaN' spelled out, strings passed through. */
export function formatNumber(x: JsonNumber, digits = 4): string {
  if (typeof x === 'string') return x;
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e-3 && abs < 1e6 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}

/** A Markdown table cell: pipes escaped (formulas are full of norms), newlines flattened. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table from a header and rows of already formatted cells. */
export function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(columns), `|${columns.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
