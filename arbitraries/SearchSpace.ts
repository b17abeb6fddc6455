/**
 * A run of consecutive continuous parameters sharing one box: `x[offset .. offset + length)` of a
 * {@link SearchPoint}, in natural units (e.g. alpha itself, not its logarithm).
 */
export interface ParamBlock {
  /** What the coordinates are, e.g. 'alpha' or 'G' (raw entries of G). */
  readonly name: string;
  /** The local optimizer perturbs the coordinates of one group together (e.g. 'dimensionless', 'model', 'direction'). */
  readonly group: string;
  readonly length: number;
  /** Closed box [min, max] of every coordinate of the block. */
  readonly min: number;
  readonly max: number;
  /** Steps are taken on log(x) (log-uniform parameters: min > 0). */
  readonly log: boolean;
  /** The decoder ignores these coordinates under the point's discrete choices: the optimizer leaves them alone. */
  readonly frozen?: boolean;
}

/** A point of a generator's parameter space: discrete choices, and the continuous parameters they lay out. */
export interface SearchPoint {
  /** Discrete choices (model family, sizes, ...): fixed during a local search. Concrete spaces narrow it. */
  readonly discrete: unknown;
  /** Continuous parameters, laid out by the space's `blocks(point)`. */
  readonly x: readonly number[];
}

/**
 * The parametric view of a case generator, for targeted search (fast-check has no `target()`): the generator
 * is `sample` mapped through the pure `decode`, so points drawn here are distributed exactly as the
 * generator's cases, and a local optimizer can move `x` inside the boxes of `blocks`.
 */
export interface SearchSpace<C, P extends SearchPoint = SearchPoint> {
  /** `count` points from the generator's own distribution (fast-check, `seed`); prefix-stable in `count`. */
  sample(seed: number, count: number): readonly P[];
  /**
   * `count` points from the distribution the search starts its local optimizers from (e.g. small shapes, with
   * n > p as often as n <= p), when it differs from the generator's; same layout and decoder. Prefix-stable in
   * `count`. Default: `sample`.
   */
  explore?(seed: number, count: number): readonly P[];
  /** The layout of `point.x` (the blocks' lengths sum to its length); depends on the discrete choices only. */
  blocks(point: P): readonly ParamBlock[];
  /** The case at a point (pure: the same point gives the same case). May throw NtkError on a degenerate point. */
  decode(point: P): C;
  /**
   * The qualitative regime of a point's discrete choices (e.g. 'structured/n>1': only n > 1 lets the residual
   * rotate), so the search climbs from the best point of each regime, not only from the overall best ones.
   * Default: one regime.
   */
  niche?(point: P): string;
}
