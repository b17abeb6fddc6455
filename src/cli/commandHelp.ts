import { EXIT_MEANINGS, type Command } from './command.js';

/**
 * Every `usage` token that is a flag or a positional: `--seed S`, `--json`, `--optimizer evolution|nelder-mead`, `ID`,
 * `ID|--all`, `MODULE`.
 */
function usageTokens(usage: string): string[] {
  const body = usage.split(' ').slice(1).join(' ').replace(/[[\]]/g, ' ');
  return body.match(/--[\w-]+(?: (?!--)(?:[A-Z][\w.|/-]*|[a-z][\w-]*(?:\|[\w-]+)+))?|\b[A-Z][\w.|/-]*(?:\|--[\w-]+)?/g) ?? [];
}

/** Aligned two-column lines: `  left  right`. */
function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => (right === '' ? `  ${left}` : `  ${left.padEnd(width)}  ${right}`));
}

/** One line per exit code, for the help texts. */
export function exitCodeLines(): string[] {
  return columns(Object.entries(EXIT_MEANINGS).map(([code, meaning]) => [code, meaning]));
}

/**
 * `ntk-check COMMAND --help`: the usage, the summary, each flag with its description (from `flags`, else as the
 * usage names it), `-h, --help`, the examples and the exit codes. Works for a command that fills only the
 * required fields of {@link Command}.
 */
export function commandHelp(command: Command): string {
  const described = Object.entries(command.flags ?? {});
  const named = new Set(described.map(([flag]) => flag));
  const undescribed = usageTokens(command.usage).filter((token) => !named.has(token));
  const rows: (readonly [string, string])[] = [...described, ...undescribed.map((token) => [token, ''] as const), ['-h, --help', 'print this help and exit 0']];
  const lines = [`usage: ntk-check ${command.usage}`, '', command.summary, '', 'arguments and flags:', ...columns(rows)];
  if (command.examples !== undefined && command.examples.length > 0) lines.push('', 'examples:', ...command.examples.map((e) => `  ntk-check ${e}`));
  lines.push('', 'exit codes:', ...exitCodeLines());
  return lines.join('\n');
}
