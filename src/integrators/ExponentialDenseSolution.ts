import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteNumber } from '../validate/validators.js';
import { GrowableFloat64 } from './_internals/GrowableFloat64.js';
import type { DenseOutput } from './DenseOutput.js';
import type { NegativeGramOperator } from './NegativeGramOperator.js';
import { phiFunctions } from './phiFunctions.js';

/** The modal (V^T B) coordinates of a step's three g-values and of u_n, for {@link exponentialInterpolant}. */
export interface StepData {
  readonly t: number;
  readonly h: number;
  readonly op: NegativeGramOperator;
  /** u_n, F(u_n), F(U_mid), F(u_{n+1}) (length n each); g = F - L u = F + B^T B u. */
  readonly u: Float64Array;
  readonly K0: Float64Array;
  readonly Km: Float64Array;
  readonly K1: Float64Array;
  /** V^T B u at u_n, U_mid, u_{n+1}; V^T B g at the same three points (length rows each). */
  readonly y0: Float64Array;
  readonly ym: Float64Array;
  readonly y1: Float64Array;
  readonly z0: Float64Array;
  readonly zm: Float64Array;
  readonly z1: Float64Array;
  /** Optional phi_0..phi_4(-h lambda_r) at [r 5 + k], when already known (saves their evaluation at theta = 1). */
  readonly phiAtEnd?: Float64Array;
}

/** Scratch of {@link exponentialInterpolant} (one per solution). */
export class InterpolantScratch {
  readonly modal: Float64Array;
  readonly phis = new Float64Array(5);
  constructor(rows: number) {
    this.modal = new Float64Array(rows);
  }
}

/**
 * The continuous extension of one exponential step at theta in [0, 1] (without the end correction): with g
 * interpolated by the quadratic through (0, G0), (h/2, Gm), (h, G1), the variation-of-constants formula gives
 * u(t_n + theta h) = exp(theta h L) u_n + h [theta phi1 G0 + theta^2 phi2 (4 Gm - 3 G0 - G1)
 * + 4 theta^3 phi3 (G0 - 2 Gm + G1)], phi_k = phi_k(theta h L) (Hochbruck & Ostermann, Acta Numerica 2010,
 * Sec. 2.3: exponential quadrature). Exact when g is quadratic in time; local error O(h^4) otherwise.
 * Writes into out; O(rows n).
 */
export function exponentialInterpolant(d: StepData, theta: number, out: Float64Array, scratch: InterpolantScratch): Float64Array {
  const { h, op, u, K0, Km, K1, y0, ym, y1, z0, zm, z1 } = d;
  const { modal, phis } = scratch;
  const n = u.length;
  const t2 = theta * theta;
  const t3 = t2 * theta;
  // null parts (L = 0): phi_k(0) = 1/k!
  const c0 = h * (theta - 1.5 * t2 + (2 / 3) * t3);
  const cm = h * (2 * t2 - (4 / 3) * t3);
  const c1 = h * (-0.5 * t2 + (2 / 3) * t3);
  for (let j = 0; j < n; j++) {
    out[j] = (u[j] as number) + c0 * (K0[j] as number) + cm * (Km[j] as number) + c1 * (K1[j] as number);
  }
  const tau = theta * h;
  const known = theta === 1 ? d.phiAtEnd : undefined;
  for (let r = 0; r < op.rows; r++) {
    // (phi_k(-tau lambda) - 1/k!) / lambda = -tau phi_{k+1}(-tau lambda)
    if (known === undefined) phiFunctions(-tau * (op.lambda[r] as number), 4, phis);
    else phis.set(known.subarray(5 * r, 5 * r + 5));
    const e = -tau * (phis[1] as number);
    const p1 = -tau * (phis[2] as number);
    const p2 = -tau * (phis[3] as number);
    const p3 = -tau * (phis[4] as number);
    const d0 = h * (theta * p1 - 3 * t2 * p2 + 4 * t3 * p3);
    const dm = h * (4 * t2 * p2 - 8 * t3 * p3);
    const d1 = h * (-t2 * p2 + 4 * t3 * p3);
    modal[r] =
      e * (y0[r] as number) +
      c0 * (y0[r] as number) + cm * (ym[r] as number) + c1 * (y1[r] as number) +
      d0 * (z0[r] as number) + dm * (zm[r] as number) + d1 * (z1[r] as number);
  }
  return op.addBack(modal, out);
}

/** Per-step layout in the growable stores. */
const VECTORS = 5; // u, K0, Km, K1, correction
const MODAL = 6; // y0, ym, y1, z0, zm, z1

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

  /** Built by {@link ExponentialDenseRecorder}. */
  constructor(parts: {
    n: number; rows: number; t0: number; y0: Float64Array; starts: Float64Array; widths: Float64Array; operatorOf: Int32Array;
    operators: readonly NegativeGramOperator[]; chunks: readonly Float64Array[]; mesh: Float64Array; last: Float64Array;
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
      u: v(0), K0: v(1), Km: v(2), K1: v(3),
      y0: m(0), ym: m(1), y1: m(2), z0: m(3), zm: m(4), z1: m(5),
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
    const chunk = this.chunks[lo] as Float64Array;
    const corr = 4 * this.n;
    for (let j = 0; j < this.n; j++) out[j] = (out[j] as number) + theta * (chunk[corr + j] as number);
    return out;
  }
}

/** Collects the accepted steps of `integrateExponential` into an {@link ExponentialDenseSolution}. */
export class ExponentialDenseRecorder {
  private readonly n: number;
  private readonly rows: number;
  private readonly t0: number;
  private readonly y0: Float64Array;
  private readonly starts = new GrowableFloat64(64);
  private readonly widths = new GrowableFloat64(64);
  private readonly operatorOf: number[] = [];
  private readonly operators: NegativeGramOperator[] = [];
  private readonly chunks: Float64Array[] = [];
  private readonly mesh = new GrowableFloat64(64);
  private readonly scratch: InterpolantScratch;
  private readonly tmp: Float64Array;
  private last: Float64Array;

  constructor(n: number, rows: number, t0: number, y0: Float64Array) {
    this.n = n;
    this.rows = rows;
    this.t0 = t0;
    this.y0 = Float64Array.from(y0);
    this.last = this.y0;
    this.scratch = new InterpolantScratch(rows);
    this.tmp = new Float64Array(n);
    this.mesh.pushOne(t0);
  }

  /**
   * Record the accepted step from (d.t, d.u) of size d.h, ending at uNew (the propagated solution), and the
   * interior mesh points `extraMesh` (strictly inside the step, increasing).
   */
  record(d: StepData, uNew: Float64Array, extraMesh: readonly number[]): void {
    const { n, rows } = this;
    if (this.operators[this.operators.length - 1] !== d.op) this.operators.push(d.op);
    this.operatorOf.push(this.operators.length - 1);
    this.starts.pushOne(d.t);
    this.widths.pushOne(d.h);
    const chunk = new Float64Array(VECTORS * n + MODAL * rows); // kept by the solution: recording never copies
    chunk.set(d.u, 0);
    chunk.set(d.K0, n);
    chunk.set(d.Km, 2 * n);
    chunk.set(d.K1, 3 * n);
    exponentialInterpolant(d, 1, this.tmp, this.scratch);
    for (let j = 0; j < n; j++) chunk[4 * n + j] = (uNew[j] as number) - (this.tmp[j] as number);
    const modal = VECTORS * n;
    chunk.set(d.y0, modal);
    chunk.set(d.ym, modal + rows);
    chunk.set(d.y1, modal + 2 * rows);
    chunk.set(d.z0, modal + 3 * rows);
    chunk.set(d.zm, modal + 4 * rows);
    chunk.set(d.z1, modal + 5 * rows);
    this.chunks.push(chunk);
    let previous = d.t;
    for (const t of extraMesh) {
      if (t > previous && t < d.t + d.h) {
        this.mesh.pushOne(t);
        previous = t;
      }
    }
    this.mesh.pushOne(d.t + d.h);
    this.last = uNew;
  }

  /** The solution of the steps recorded so far; `tEnd` replaces the last mesh point (exact landing on t1). */
  finish(tEnd: number, yEnd: Float64Array): ExponentialDenseSolution {
    const mesh = this.mesh.toArray();
    mesh[mesh.length - 1] = tEnd;
    return new ExponentialDenseSolution({
      n: this.n,
      rows: this.rows,
      t0: this.t0,
      y0: this.y0,
      starts: this.starts.toArray(),
      widths: this.widths.toArray(),
      operatorOf: Int32Array.from(this.operatorOf),
      operators: [...this.operators],
      chunks: this.chunks,
      mesh,
      last: Float64Array.from(yEnd),
    });
  }
}
