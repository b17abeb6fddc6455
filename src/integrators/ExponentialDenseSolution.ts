import { NtkInputError } from '../errors/NtkInputError.js';
import { addScaledInto } from '../linalg/elementwise.js';
import { finiteNumber } from '../validate/validators.js';
import { exponentialInterpolant, InterpolantScratch, type StepData } from './_internals/exponentialInterpolant.js';
import { VECTORS } from './_internals/exponentialStepLayout.js';
import type { DenseOutput } from './DenseOutput.js';
import type { NegativeGramOperator } from './NegativeGramOperator.js';

/**
 * Dense output of an exponential solve: on each accepted step the exponential-quadrature interpolant of
 * {@link exponentialInterpolant} plus theta times its mismatch at theta = 1, so the solution is exact at mesh
 * points and continuous. Built by `integrateExponential`. Its mesh `ts` subdivides steps on which a fast mode of
 * the linear part was still active, so that a per-interval quadrature sees a resolved integrand.
 */
export class ExponentialDenseSolution implements DenseOutput {
  readonly n: number;
  readonly tMin: number;
  readonly tMax: number;
  readonly steps: number;
  private readonly starts: Float64Array;
  private readonly widths: Float64Array;
  private readonly operatorOf: Int32Array;
  private readonly operators: readonly NegativeGramOperator[];
  /** Per step: u, K0, Km, K1, correction (n each), then y0, ym, y1, z0, zm, z1 (rows each). */
  private readonly chunks: readonly Float64Array[];
  private readonly mesh: Float64Array;
  private readonly rows: number;
  private readonly scratch: InterpolantScratch;

  /** Built by `integrateExponential` (its recorder). */
  constructor(parts: {
    n: number;
    rows: number;
    t0: number;
    y0: Float64Array;
    starts: Float64Array;
    widths: Float64Array;
    operatorOf: Int32Array;
    operators: readonly NegativeGramOperator[];
    chunks: readonly Float64Array[];
    mesh: Float64Array;
    last: Float64Array;
  }) {
    this.n = parts.n;
    this.rows = parts.rows;
    this.steps = parts.starts.length;
    this.starts = parts.starts;
    this.widths = parts.widths;
    this.operatorOf = parts.operatorOf;
    this.operators = parts.operators;
    this.chunks = parts.chunks;
    this.mesh = parts.mesh;
    this.tMin = parts.t0;
    this.tMax = parts.mesh[parts.mesh.length - 1] as number;
    this.last = parts.last;
    this.scratch = new InterpolantScratch(parts.rows);
  }

  /** y(tMax). */
  private readonly last: Float64Array;

  get ts(): Float64Array {
    return this.mesh.slice();
  }

  /** The step data of step i (views into the stores). */
  private step(i: number): StepData {
    const { n, rows } = this;
    const chunk = this.chunks[i] as Float64Array;
    const v = (k: number) => chunk.subarray(k * n, (k + 1) * n);
    const m = (k: number) => chunk.subarray(VECTORS * n + k * rows, VECTORS * n + (k + 1) * rows);
    return {
      t: this.starts[i] as number,
      h: this.widths[i] as number,
      op: this.operators[this.operatorOf[i] as number] as NegativeGramOperator,
      u: v(0),
      K0: v(1),
      Km: v(2),
      K1: v(3),
      y0: m(0),
      ym: m(1),
      y1: m(2),
      z0: m(3),
      zm: m(4),
      z1: m(5),
      phiAtEnd: undefined,
    };
  }

  evaluate(t: number, out: Float64Array = new Float64Array(this.n)): Float64Array {
    finiteNumber('t', t);
    if (!(t >= this.tMin && t <= this.tMax)) throw new NtkInputError('t', t, `in [${this.tMin}, ${this.tMax}]`);
    if (out.length !== this.n) throw new NtkInputError('out', out, `a Float64Array of length ${this.n}`);
    if (t === this.tMax || this.steps === 0) {
      out.set(this.last);
      return out;
    }
    let lo = 0;
    let hi = this.steps;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] as number) <= t) lo = mid;
      else hi = mid;
    }
    const d = this.step(lo);
    const theta = Math.min(1, (t - d.t) / d.h);
    exponentialInterpolant(d, theta, out, this.scratch);
    return addScaledInto(out, theta, this.chunks[lo] as Float64Array, this.n, 4 * this.n); // + theta (the correction, at 4 n)
  }
}
