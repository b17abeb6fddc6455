import type { AuditRhs } from './IntegratorModule.js';

/** Tolerances handed to an adaptive solve: the error of each component should stay near atol + rtol |y_i|. */
export interface Tolerances {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * What an adaptive solve may return instead of the bare y(t1): the solution and, optionally, the solver's own
 * account of its work. `errorEstimate` is the solver's estimate of the global error of y(t1) in the Euclidean
 * norm, ||y - y_exact(t1)||_2 (absolute, not relative). `acceptedSteps` and `rejectedSteps` are its step counts.
 * `evaluations`, when given, must equal the number of calls of f the solve made (ntk-check counts them too).
 */
export interface AdaptiveSolution {
  readonly y: readonly number[] | Float64Array;
  readonly evaluations?: number;
  readonly errorEstimate?: number;
  readonly acceptedSteps?: number;
  readonly rejectedSteps?: number;
}

/**
 * The contract of an adaptive integrator under audit: the default export of the module, told apart from a
 * fixed-step `IntegratorModule` by `adaptive: true`. `solve(f, t0, y0, t1, { rtol, atol })` integrates
 * y' = f(t, y), y(t0) = y0 to t1 with step sizes of its own choosing, and returns y(t1) (an array of numbers or a
 * Float64Array of the length of y0) or an {@link AdaptiveSolution}. `order` is the order of the solution it
 * propagates (5 for Dormand-Prince 5(4)).
 */
export interface AdaptiveIntegratorModule {
  readonly name: string;
  readonly order: number;
  readonly adaptive: true;
  solve(f: AuditRhs, t0: number, y0: readonly number[], t1: number, tolerances: Tolerances): readonly number[] | Float64Array | AdaptiveSolution;
}
