import type { ProblemSpec } from './ProblemSpec.js';

/** An initial value problem the audit hands to the integrator: y' = rhs(t, y), y in R^dim. */
export interface AuditProblem {
  /** Dimension of y. */
  readonly dim: number;
  /** dy/dt at (t, y), a fresh array of length dim; y has length dim (checked by the caller). */
  rhs(t: number, y: ArrayLike<number>): number[];
  /**
   * A serializable description that rebuilds the same rhs bit for bit (`buildProblem`): how a worker thread gets
   * the vector field without a cross-thread call per evaluation. Absent for ad-hoc problems (in-process only).
   */
  readonly spec?: ProblemSpec;
}
