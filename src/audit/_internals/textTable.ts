/** An aligned plain-text table: columns padded to their widest cell, separated by two spaces, each line indented. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...all.map((row) => (row[j] ?? '').length)));
  return all.map(
    (row) =>
      indent +
      row
        .map((cell, j) => cell.padEnd(widths[j] ?? 0))
        .join('  ')
        .trimEnd(),
  );
}
