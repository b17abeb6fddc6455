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

/**
 * A tightness ratio (measured / bound): like {@link formatNumber} with 5 digits, but never rounded onto 1 — a
 * ratio within rounding of 1 gets the digits that tell it apart, plus one ('0.999999994'), and exactly 1 says so.
 */
export function formatTightness(x: JsonNumber): string {
  if (typeof x === 'string') return x;
  if (x === 1) return '1 (equality)';
  const short = formatNumber(x, 5);
  if (Number(short) !== 1) return short;
  for (let digits = 6; digits < 17; digits++) {
    if (Number(x.toPrecision(digits)) !== 1) return x.toPrecision(digits + 1); // one digit past the first that differs
  }
  return x.toPrecision(17);
}
