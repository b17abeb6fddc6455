import cliProgress from 'cli-progress';
import type { CliIo } from '../io/CliIo.js';

/** Progress of a report run: jobs done out of a total, with the name of the last one. */
export interface ReportProgress {
  start(total: number): void;
  update(done: number, label: string): void;
  stop(): void;
}

/** A progress sink that shows nothing (not a terminal, or tests). */
export const silentProgress: ReportProgress = { start: ignore, update: ignore, stop: ignore };

function ignore(): void {
  // a silent sink: the progress is not shown
}

/**
 * A cli-progress bar on stdout when `io.isTty` (an interactive terminal), otherwise nothing: logs and pipes get
 * only the summary at the end. The bar is cleared when done, so the summary starts on a clean screen line.
 */
export function terminalProgress(io: CliIo, stream: NodeJS.WritableStream = process.stdout): ReportProgress {
  if (!io.isTty) return silentProgress;
  const bar = new cliProgress.SingleBar(
    { format: 'ntk-check report [{bar}] {value}/{total} jobs | {duration_formatted} | {label}', stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { label: 'starting' }),
    update: (done, label) => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}
