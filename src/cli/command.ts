import type { CliIo } from '../io/CliIo.js';

export type { CliIo };

/** One `ntk-check` sub-command. `run` returns the process exit code; bad input throws NtkInputError. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /**
   * Optional, for `ntk-check COMMAND --help`: each flag or positional as the usage writes it (`--seed S`, `ID`)
   * -> what it does. Without it the help lists the usage line only.
   */
  readonly flags?: Readonly<Record<string, string>>;
  /** Optional, for `--help`: example invocations, without the leading `ntk-check`. */
  readonly examples?: readonly string[];
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command: 0 ok, 1 a finding or mismatch, 2 bad input, 3 an internal failure. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;

/** What each exit code means, as `--help` and the README state it. */
export const EXIT_MEANINGS: Readonly<Record<(typeof EXIT)[keyof typeof EXIT], string>> = {
  0: 'ok (every verdict as expected)',
  1: 'a finding or a mismatch (a refuted reading the registry says holds, an audit that fails, ...)',
  2: 'bad input (a flag, an argument or an input file; one line on stderr)',
  3: 'an internal failure (a solver that fails, a reading that evaluates to NaN, a bug; one line on stderr, NTK_DEBUG=1 for the stack)',
};
