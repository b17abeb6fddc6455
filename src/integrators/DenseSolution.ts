import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteNumber } from '../validate/validators.js';
import type { DenseOutput } from './DenseOutput.js';

/** The arrays a {@link DenseSolution} is made of (built by the adaptive driver). */
export interface DenseParts {
  /** State dimension. */
  readonly n: number;
  /** Polynomial degree q of each step's interpolant. */
  readonly degree: number;
  /** Accepted mesh t_0 < ... < t_m, length m + 1. */
  readonly mesh: Float64Array;
  /** States at the mesh: m + 1 arrays of length n (one per mesh point, so recording never copies). */
  readonly states: readonly Float64Array[];
  /** Per step i: h_i Q_ij for the powers j < q, one array of length q n (power j at offset j n). */
  readonly coefficients: readonly Float64Array[];
}

/**
 * Dense output of an adaptive Runge-Kutta solve: a piecewise polynomial over the accepted mesh. On step i,
 * y(t_i + theta h_i) = y_i + sum_{j<q} theta^(j+1) h_i Q_ij with Q = K^T P the stage derivatives weighted by the
 * tableau's continuous extension (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.6; Shampine 1986 for
 * dopri5), or the cubic Hermite interpolant of (y_i, f_i, y_{i+1}, f_{i+1}) when the tableau has none.
 * Exact (bitwise) at mesh points; continuous across them up to rounding.
 */
export class DenseSolution implements DenseOutput {
  /** State dimension. */
  readonly n: number;
  readonly tMin: number;
  readonly tMax: number;
  /** Number of accepted steps m (0 for an empty interval t0 = t1). */
  readonly steps: number;
  private readonly parts: DenseParts;

  /** Built by `integrateAdaptive`; the parts are owned by the solution from then on. */
  constructor(parts: DenseParts) {
    this.parts = parts;
    this.n = parts.n;
    this.steps = parts.mesh.length - 1;
    this.tMin = parts.mesh[0] as number;
    this.tMax = parts.mesh[this.steps] as number;
  }

  /** The accepted mesh t_0 = tMin < ... < t_m = tMax (a copy). */
  get ts(): Float64Array {
    return this.parts.mesh.slice();
  }

  /** Index i in [0, m-1] with t_i <= t < t_{i+1} (m-1 at t = tMax): binary search. */
  private locate(t: number): number {
    const mesh = this.parts.mesh;
    let lo = 0;
    let hi = this.steps;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((mesh[mid] as number) <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * y(t) for t in [tMin, tMax], written into `out` (length n; a new array when omitted) and returned.
   * Throws {@link NtkInputError} for t outside the interval or a wrong `out` length. O(log m + q n).
   */
  evaluate(t: number, out: Float64Array = new Float64Array(this.n)): Float64Array {
    finiteNumber('t', t);
    if (!(t >= this.tMin && t <= this.tMax)) throw new NtkInputError('t', t, `in [${this.tMin}, ${this.tMax}]`);
    if (out.length !== this.n) throw new NtkInputError('out', out, `a Float64Array of length ${this.n}`);
    const { n, parts } = this;
    const { mesh, states, coefficients, degree: q } = parts;
    if (t === this.tMax) {
      out.set(states[this.steps] as Float64Array);
      return out;
    }
    const i = this.locate(t);
    const t0 = mesh[i] as number;
    const theta = (t - t0) / ((mesh[i + 1] as number) - t0);
    const y = states[i] as Float64Array;
    const c = coefficients[i] as Float64Array;
    // Stryker disable next-line EqualityOperator: equivalent for `<=`: it only adds index n of out of a typed array, whose write is dropped (and whose reads feed only that write)
    for (let m = 0; m < n; m++) {
      let acc = c[(q - 1) * n + m] as number;
      for (let j = q - 2; j >= 0; j--) acc = acc * theta + (c[j * n + m] as number);
      out[m] = (y[m] as number) + theta * acc;
    }
    return out;
  }
}
