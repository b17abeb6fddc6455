import { performance } from 'node:perf_hooks';

/** Median wall-clock and CPU time of repeated runs of one task. */
export interface Timing {
  /** Median wall-clock milliseconds per run. */
  readonly wallMs: number;
  /** Median CPU milliseconds (user + system) per run: less sensitive than wall time to other load on the machine. */
  readonly cpuMs: number;
  readonly runs: number;
}

/** Options of {@link time}. */
export interface TimingOptions {
  /** Untimed warm-up runs (JIT). Default 2. */
  readonly warmup?: number;
  /** At least this many timed runs. Default 5. */
  readonly minRuns?: number;
  /** At most this many timed runs. Default 200. */
  readonly maxRuns?: number;
  /** Keep running (up to maxRuns) until this much wall time has been spent. Default 400 ms. */
  readonly minTotalMs?: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : 0.5 * ((s[m - 1] as number) + (s[m] as number));
};

/** Time `task` (median over runs, after warm-up). */
export function time(task: () => unknown, options: TimingOptions = {}): Timing {
  const { warmup = 2, minRuns = 5, maxRuns = 200, minTotalMs = 400 } = options;
  for (let i = 0; i < warmup; i++) task();
  const walls: number[] = [];
  const cpus: number[] = [];
  const started = performance.now();
  while (walls.length < maxRuns && (walls.length < minRuns || performance.now() - started < minTotalMs)) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    task();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    walls.push(wall);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wallMs: median(walls), cpuMs: median(cpus), runs: walls.length };
}
