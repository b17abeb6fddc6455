import type { CliIo } from '../io/CliIo.js';

export type { CliIo };

/** One `ntk-check` sub-command. `run` returns the process exit code; bad input throws NtkInputError. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command: 0 ok, 1 a finding or mismatch, 2 bad input, 3 an internal failure. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
