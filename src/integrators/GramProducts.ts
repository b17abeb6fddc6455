/**
 * The products with a rows x n matrix B that {@link NegativeGramOperator} needs, for a B given by structure rather than
 * as a dense array (src/kernels/MeanFieldLinearPart.ts: a mean-field net's J(w) from its activations). Any B is a
 * valid linear part of an exponential integrator (the remainder g = f - L y absorbs the difference from the true
 * Jacobian) as long as the three products use the SAME B.
 */
export interface GramProducts {
  readonly rows: number;
  readonly n: number;
  /** out = B x (rows entries). */
  project(x: Float64Array, out: Float64Array): void;
  /** out += B^T v (n entries). */
  addBack(v: Float64Array, out: Float64Array): void;
  /** B B^T (rows x rows row-major, symmetric; a fresh array). */
  gram(): Float64Array;
  /** Whether B's data are all finite. */
  finite(): boolean;
}
