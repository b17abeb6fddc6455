import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceJson } from '../src/models/InstanceJson.js';
import { pythonEnv, scipyAvailable } from './scipyReference.js';

/** One instance's ladder requested from `bench/scipy_workprecision.py`. */
export interface WorkPrecisionCase {
  readonly name: string;
  readonly instance: InstanceJson;
  readonly methods: readonly ('DOP853' | 'RK45' | 'LSODA')[];
  readonly rtols: readonly number[];
  /** atol = rtol * atolScale (ntk-check's default scale sqrt(T R0) / alpha). */
  readonly atolScale: number;
  /** Per method: the ladder stops once this many seconds are spent. */
  readonly maxSeconds: number;
}

/** One scipy solve of a ladder. */
export interface ScipyRun {
  readonly method: string;
  readonly rtol: number;
  readonly atol: number;
  readonly cpuMilliseconds: number;
  readonly milliseconds: number;
  readonly repeats: number;
  readonly nfev: number;
  readonly njev: number;
  readonly status: number;
  readonly dT: number[];
}

/** What the script reports per case: the numpy right-hand side it chose (fastest of its variants) and the runs. */
export interface WorkPrecisionResult {
  readonly name: string;
  readonly rhsVariant: string;
  readonly rhsMicroseconds: Record<string, number>;
  readonly runs: readonly ScipyRun[];
}

/** Outcome of {@link runScipyWorkPrecision}. */
export type WorkPrecisionOutcome =
  | { readonly ran: true; readonly scipy: string; readonly numpy: string; readonly blas: unknown; readonly results: WorkPrecisionResult[] }
  | { readonly ran: false; readonly reason: string };

/** Run `bench/scipy_workprecision.py` on `cases` (written to `casesPath`); skips, with the reason, without python3 + scipy. */
export function runScipyWorkPrecision(root: string, casesPath: string, cases: readonly WorkPrecisionCase[]): WorkPrecisionOutcome {
  const missing = scipyAvailable();
  if (missing !== undefined) return { ran: false, reason: missing };
  writeFileSync(casesPath, JSON.stringify({ cases }));
  const run = spawnSync('python3', [join(root, 'bench', 'scipy_workprecision.py'), casesPath], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: pythonEnv() });
  if (run.status !== 0) return { ran: false, reason: `scipy_workprecision.py failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  return { ran: true, ...(JSON.parse(run.stdout) as { scipy: string; numpy: string; blas: unknown; results: WorkPrecisionResult[] }) };
}
