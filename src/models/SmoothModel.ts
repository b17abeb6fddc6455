import type { ModelSpec } from './InstanceJson.js';

/**
 * A smooth model h: R^p -> R^n with certified constants on balls around its reference point w0.
 * Conventions: vectors are Float64Array; the Jacobian J(w) = Dh(w) is n x p, row-major (J[i*p + j] = dh_i/dw_j).
 * Every method writes into `out` when given (no allocation in hot loops) and returns it.
 */
export interface SmoothModel {
  /** Family name, e.g. 'quadratic', 'meanField', 'scalar'. */
  readonly kind: string;
  /** Number of parameters p. */
  readonly p: number;
  /** Output dimension n. */
  readonly n: number;
  /** Reference point w0 (the initialization); certified constants are about balls B(w0, rho). Do not mutate. */
  readonly w0: Float64Array;
  /** h(w), length n. */
  value(w: Float64Array, out?: Float64Array): Float64Array;
  /** J(w) = Dh(w), n x p row-major. */
  jacobian(w: Float64Array, out?: Float64Array): Float64Array;
  /** J(w)^T r, length p, without forming J where the model allows (the gradient-flow right-hand side). */
  vjp(w: Float64Array, r: Float64Array, out?: Float64Array): Float64Array;
  /**
   * Certified upper bound on Lip(Dh) = sup ||Dh(u) - Dh(v)|| / ||u - v|| (operator norm) over B(w0, rho).
   * `rho` may be Infinity when the bound is global.
   */
  lipDh(rho: number): number;
  /** Certified upper bound on Lip(h) = sup ||Dh(w)|| over B(w0, rho). */
  lipH(rho: number): number;
  /** True when lipDh is the exact value, not only an upper bound (structured families, for tightness). */
  readonly lipDhIsExact: boolean;
  /**
   * The JSON `model` object of this model (see `InstanceJson`), so an instance can be written to a file and
   * replayed with `parseInstance`. Optional: a model outside the JSON families (e.g. a test double) cannot be
   * serialized, and `instanceToJson` rejects it. Returns fresh arrays (no aliasing of internal state).
   */
  toSpec?(): ModelSpec;
}
