/** Where a command writes: injectable so tests can capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (progress bars only then). */
  readonly isTty: boolean;
}

/** One `ntk-check` sub-command. `run` returns the process exit code; bad input throws NtkInputError. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command: 0 ok, 1 a finding or mismatch, 2 bad input, 3 an internal failure. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
