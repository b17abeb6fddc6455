/** Where a command writes: injectable so tests can capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (progress bars only then). */
  readonly isTty: boolean;
}
