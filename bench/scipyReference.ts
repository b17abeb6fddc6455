import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceJson } from '../src/models/InstanceJson.js';

/** One solve_ivp run requested from `bench/scipy_reference.py`. */
export interface ScipyCase {
  readonly name: string;
  readonly instance: InstanceJson;
  readonly rtol: number;
  readonly atol: number;
  readonly method: 'DOP853' | 'RK45' | 'Radau' | 'BDF' | 'LSODA';
  readonly repeat: number;
  readonly maxSeconds: number;
}

/** What the script reports per case. */
export interface ScipyResult {
  readonly name: string;
  readonly method: string;
  readonly rtol: number;
  readonly atol: number;
  readonly milliseconds: number;
  readonly cpuMilliseconds: number;
  readonly repeats: number;
  readonly nfev: number;
  readonly rhsMicroseconds: number;
  readonly status: number;
  readonly rT: number[];
}

/** Outcome of {@link runScipy}: results, or the reason it was skipped. */
export type ScipyOutcome =
  | { readonly ran: true; readonly scipy: string; readonly numpy: string; readonly results: ScipyResult[] }
  | { readonly ran: false; readonly reason: string };

/**
 * The environment for the python runs: this process's, without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (set on
 * some shared machines to pin OpenBLAS to a generic kernel, which would slow numpy down unfairly).
 */
export function pythonEnv(): NodeJS.ProcessEnv {
  const { OPENBLAS_CORETYPE: _coreType, OPENBLAS_L2_SIZE: _l2Size, ...env } = process.env;
  return env;
}

/** python3 with scipy importable? (the reason when not) */
export function scipyAvailable(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8', env: pythonEnv() });
  if (probe.error !== undefined) return `python3 not runnable (${probe.error.message})`;
  if (probe.status !== 0) return `python3 cannot import scipy/numpy (${probe.stderr.trim().split('\n').pop() ?? ''})`;
  return undefined;
}

/**
 * Run the python script `bench/<script>` on `cases` (written to `casesPath`), in the same process tree and machine
 * state as the TypeScript measurements, and parse the one JSON object it prints. Skips, with the reason, when
 * python3 or scipy is missing or the script fails.
 */
export function runPythonJson<T extends object>(
  root: string,
  script: string,
  casesPath: string,
  cases: readonly object[],
): ({ readonly ran: true } & T) | { readonly ran: false; readonly reason: string } {
  const missing = scipyAvailable();
  if (missing !== undefined) return { ran: false, reason: missing };
  writeFileSync(casesPath, JSON.stringify({ cases }));
  const run = spawnSync('python3', [join(root, 'bench', script), casesPath], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: pythonEnv() });
  if (run.status !== 0) return { ran: false, reason: `${script} failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  return { ran: true, ...(JSON.parse(run.stdout) as T) };
}

/** Run `bench/scipy_reference.py` on `cases` (see {@link runPythonJson}). */
export function runScipy(root: string, casesPath: string, cases: readonly ScipyCase[]): ScipyOutcome {
  return runPythonJson<{ scipy: string; numpy: string; results: ScipyResult[] }>(root, 'scipy_reference.py', casesPath, cases);
}
