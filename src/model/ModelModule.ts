/** A vector as a model module may take or return it: a plain array or a Float64Array. */
export type VectorLike = ArrayLike<number>;

/**
 * The default export of a module given to `ntk-check model MODULE` (and the first argument of `checkModel`): a
 * smooth model h: R^p -> R^n with its Jacobian, the point w0 the flows start from, and, optionally, the constants
 * the theory needs on the ball B(w0, rho). See docs/model.md.
 */
export interface ModelModule {
  /** A name for the reports. */
  readonly name: string;
  /** Number of parameters p. */
  readonly p: number;
  /** Output dimension n. */
  readonly n: number;
  /** h(w): n numbers. `w` is a fresh Float64Array of length p (the model may keep or change it). */
  value(w: Float64Array): VectorLike;
  /** J(w) = Dh(w): n rows of p numbers, or n * p numbers row-major (J[i * p + j] = dh_i / dw_j). */
  jacobian(w: Float64Array): VectorLike | readonly VectorLike[];
  /** The initialization w0 (p numbers). Default: the zero vector. */
  readonly w0?: VectorLike;
  /**
   * A declared upper bound on Lip(Dh) = sup ||Dh(u) - Dh(v)|| / ||u - v|| (operator norm) over B(w0, rho).
   * Without it the constant is estimated by search, and every result is labelled "estimated, not certified".
   */
  lipDh?(rho: number): number;
  /** A declared upper bound on Lip(h) = sup ||Dh(w)|| over B(w0, rho). Estimated by search when absent. */
  lipH?(rho: number): number;
  /** The scale alpha of the user's training (default 1; `--alpha` overrides). */
  readonly alpha?: number;
  /** The training targets y* (n numbers; default alpha h(w0) + (1, ..., 1) / sqrt(n); `--targets` overrides). */
  readonly yStar?: VectorLike;
}
