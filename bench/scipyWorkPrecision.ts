import type { InstanceJson } from '../src/models/InstanceJson.js';
import { runPythonJson } from './scipyReference.js';

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

/** Run `bench/scipy_workprecision.py` on `cases` (see `runPythonJson`); skips, with the reason, without python3 + scipy. */
export function runScipyWorkPrecision(root: string, casesPath: string, cases: readonly WorkPrecisionCase[]): WorkPrecisionOutcome {
  return runPythonJson<{ scipy: string; numpy: string; blas: unknown; results: WorkPrecisionResult[] }>(root, 'scipy_workprecision.py', casesPath, cases);
}
