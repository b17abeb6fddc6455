import type { InstanceJson } from '../models/InstanceJson.js';

/** A change of clock applied to an autonomous gradient flow (see `timeWarpedProblem`, `abruptClockProblem`). */
export type ClockWarp = { readonly kind: 'smooth'; readonly T: number } | { readonly kind: 'abrupt'; readonly T: number };

/**
 * A serializable audit problem (plain JSON, so it crosses a worker boundary): the gradient flow (1) of an
 * instance in the JSON instance format, optionally seen through a warped clock.
 */
export interface ProblemSpec {
  readonly instance: InstanceJson;
  readonly warp?: ClockWarp;
}
