import { addProductInto, addScaledInto, productInto } from '../linalg/elementwise.js';
import type { StepData } from './_internals/exponentialInterpolant.js';
import { linearCombination } from '../linalg/linearCombination.js';
import type { ExponentialMethod } from './ExponentialMethod.js';
import { ExponentialCoefficients } from './ExponentialCoefficients.js';
import { exponentialMethodFloat, type FloatExponentialMethod, nullValues } from './exponentialMethodFloat.js';
import type { NegativeGramOperator } from './NegativeGramOperator.js';
import type { Rhs } from './Rhs.js';
import type { VectorArena } from './VectorArena.js';

const vectors = (count: number, length: number) => Array.from({ length: count }, () => new Float64Array(length));

/**
 * One step of an exponential Runge-Kutta method on y' = f(y) = L y + g(y), L = -B^T B, with preallocated buffers
 * (no allocation per step). The remainder values G_j = g(U_j) = K_j + B^T B U_j (K_j = f(U_j)) are never formed:
 * each stage keeps K_j (length n) and the modal coordinates y_j = V^T B U_j, z_j = V^T B G_j = V^T B K_j +
 * lambda y_j (length rows), and a coefficient C(hL) = C(0) + B^T V diag(...) V^T B acts as
 * C G_j = C(0) K_j + B^T V (C(0) y_j + diag z_j): one projection and one back-projection per stage.
 * Used by `integrateExponential`.
 */
export class ExponentialStepper {
  readonly method: FloatExponentialMethod;
  readonly n: number;
  readonly rows: number;
  /** The propagated solution and the error estimate y_new - yHat after `step`. */
  readonly yNew: Float64Array;
  readonly err: Float64Array;
  /** f at the new state after `finishStep`. */
  readonly nextDerivative: Float64Array;
  /** A vector for the caller's state and one for its absolute tolerances (in the arena with one). */
  readonly state: Float64Array;
  readonly atol: Float64Array;
  /** The arena the length-n vectors live in, or undefined. */
  readonly arena: VectorArena | undefined;
  private readonly borrowed: readonly Float64Array[];
  private readonly f: Rhs;
  private op: NegativeGramOperator | undefined;
  private readonly coefficients: ExponentialCoefficients;
  private coefficientsH = Number.NaN;
  private coefficientsOp: NegativeGramOperator | undefined;
  /** Null parts (L = 0 values) of A's rows, b, and b - bHat. */
  private readonly nullA: readonly Float64Array[];
  private readonly nullB: Float64Array;
  private readonly nullE: Float64Array;
  private readonly K: Float64Array[];
  private readonly U: Float64Array[];
  private readonly ym: Float64Array[];
  private readonly wm: Float64Array[];
  private readonly zm: Float64Array[];
  private readonly acc: Float64Array;
  private readonly yNewModal: Float64Array;
  private nextW: Float64Array;
  private nextZ: Float64Array;
  private readonly phiAtEnd: Float64Array;
  private readonly hasPhiAtEnd: boolean;
  private readonly stepData: { -readonly [K in keyof StepData]: StepData[K] };
  /** Two stages at the same node (for the Lipschitz estimate of g), or undefined. */
  private readonly pair: readonly [number, number] | undefined;
  private t = 0;
  private h = 0;
  private u: Float64Array;

  /**
   * With `arena`, the length-n vectors (stages, state, tolerances) live there: f reads and writes them in place and
   * the stage combinations run natively, bitwise the same ({@link ExponentialStepper.release} hands them back).
   */
  constructor(method: ExponentialMethod, f: Rhs, n: number, rows: number, arena?: VectorArena) {
    this.method = exponentialMethodFloat(method);
    this.f = f;
    this.n = n;
    this.rows = rows;
    const s = this.method.stages;
    this.coefficients = new ExponentialCoefficients(this.method, rows);
    this.nullA = this.method.A.map(nullValues);
    this.nullB = nullValues(this.method.b);
    this.nullE = nullValues(this.method.e);
    // one borrow for all (a second one could move the arena's memory under the first one's views)
    const count = 2 * s + 5;
    const all = arena === undefined ? vectors(count, n) : arena.borrow(count, n);
    this.arena = arena;
    this.borrowed = arena === undefined ? [] : all;
    this.K = all.slice(0, s);
    this.U = all.slice(s, 2 * s);
    [this.yNew, this.err, this.nextDerivative, this.state, this.atol] = all.slice(2 * s) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    this.ym = vectors(s, rows);
    this.wm = vectors(s, rows);
    this.zm = vectors(s, rows);
    this.acc = new Float64Array(rows);
    this.yNewModal = new Float64Array(rows);
    this.nextW = new Float64Array(rows);
    this.nextZ = new Float64Array(rows);
    this.phiAtEnd = new Float64Array(5 * rows);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: performance only for `false`: without phiAtEnd the interpolant evaluates phi_0..phi_4(-h lambda) itself, with the same arguments (the `true` variants are killed by ExponentialStepper.mutation.test.ts, a method with kMax = 2)
    this.hasPhiAtEnd = this.method.kMax + 2 >= 5 && Array.prototype.includes.call(this.method.gammas, 1);
    const placeholder = this.U[0] as Float64Array;
    this.stepData = {
      t: 0,
      h: 0,
      op: undefined as unknown as NegativeGramOperator,
      u: placeholder,
      K0: placeholder,
      Km: placeholder,
      K1: this.nextDerivative,
      y0: this.yNewModal,
      ym: this.yNewModal,
      y1: this.yNewModal,
      z0: this.yNewModal,
      zm: this.yNewModal,
      z1: this.yNewModal,
      phiAtEnd: undefined,
    };
    this.u = this.U[0] as Float64Array;
    const c = this.method.c;
    let pair: [number, number] | undefined;
    for (let i = 1; i < s && pair === undefined; i++) for (let j = 1; j < i; j++) if (c[i] === c[j]) pair = [j, i];
    this.pair = pair;
  }

  /** Hand the arena's vectors back (the stepper is not used afterwards); nothing to do without an arena. */
  release(): void {
    this.arena?.release(this.borrowed);
  }

  /** f(t, y) of the current state (the first stage). */
  get derivative(): Float64Array {
    return this.K[0] as Float64Array;
  }

  /** V^T B f(t, y) of the current state. */
  get modalDerivative(): Float64Array {
    return this.wm[0] as Float64Array;
  }

  /** Evaluate f at the current state into the first stage. */
  setDerivative(t: number, y: Float64Array): void {
    this.f(t, y, this.K[0] as Float64Array);
  }

  /** Use linear part `op` from now on, at the current state y (whose derivative is already set). */
  setOperator(op: NegativeGramOperator, y: Float64Array): void {
    this.op = op;
    this.modal(y, this.K[0] as Float64Array, this.ym[0] as Float64Array, this.wm[0] as Float64Array, this.zm[0] as Float64Array);
  }

  private modal(y: Float64Array, k: Float64Array, ym: Float64Array, wm: Float64Array, zm: Float64Array): void {
    const op = this.op as NegativeGramOperator;
    op.project(y, ym);
    op.project(k, wm);
    addProductInto(zm, wm, op.lambda, ym, this.rows); // z = w + Lambda y
  }

  /**
   * out = [exp part] + h sum_j C_j G_j for the combinations `combos` (null parts and diagonals), with modal result
   * into `outModal` when given. `expDiag` undefined means no exp(c h L) u term (the error estimate).
   */
  private combine(
    out: Float64Array,
    outModal: Float64Array | undefined,
    h: number,
    count: number,
    nulls: Float64Array,
    diags: readonly Float64Array[],
    expDiag: Float64Array | undefined,
  ): void {
    const { rows, acc, K, ym, wm, zm } = this;
    const op = this.op as NegativeGramOperator;
    // out = [u] + h sum_j nulls_j K_j: one pass per four stages (bitwise the per-stage sums: each entry adds the
    // same terms in the same order)
    const u = expDiag === undefined ? undefined : this.u;
    if (this.arena?.combine(out, 0, u, h, nulls, K, count) !== true) linearCombination(out, 0, u, h, nulls, K, count);
    if (expDiag === undefined) acc.fill(0);
    else productInto(acc, expDiag, ym[0] as Float64Array, rows);
    if (outModal !== undefined) {
      // Stryker disable next-line ConditionalExpression: equivalent for `false`: a modal output is requested only with an exponential part (stages and yNew), never for the error estimate
      if (expDiag === undefined) outModal.fill(0);
      else outModal.set(ym[0] as Float64Array);
    }
    for (let j = 0; j < count; j++) {
      const nv = h * (nulls[j] as number);
      const diag = diags[j] as Float64Array;
      const yj = ym[j] as Float64Array;
      const zj = zm[j] as Float64Array;
      // Stryker disable next-line ConditionalExpression: performance only: a zero null weight adds 0 * w_j (a non-finite K_j fails the step through the modal sums anyway)
      if (nv !== 0 && outModal !== undefined) {
        addScaledInto(outModal, nv, wm[j] as Float64Array, rows);
      }
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index rows of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let r = 0; r < rows; r++) acc[r] = (acc[r] as number) + h * (diag[r] as number) * (zj[r] as number) + nv * (yj[r] as number);
    }
    op.addBack(acc, out);
    if (outModal !== undefined) addProductInto(outModal, outModal, op.lambda, acc, rows);
  }

  /**
   * One step from (t, y) (y read only; its derivative and modal coordinates set) with step h: fills the stages,
   * `yNew` and `err`. Calls f s - 1 times.
   */
  step(t: number, y: Float64Array, h: number): void {
    const { method, coefficients: co } = this;
    const op = this.op as NegativeGramOperator;
    // Stryker disable next-line ConditionalExpression: performance only for `true`: recomputing the coefficients for the same h and operator gives the same values (the `false` variants are killed by ExponentialStepper.mutation.test.ts)
    if (this.coefficientsH !== h || this.coefficientsOp !== op) {
      co.update(h, op.lambda);
      this.coefficientsH = h;
      this.coefficientsOp = op;
    }
    this.t = t;
    this.h = h;
    this.u = y;
    const s = method.stages;
    for (let i = 1; i < s; i++) {
      const Ui = this.U[i] as Float64Array;
      this.combine(Ui, this.ym[i], h, i, this.nullA[i] as Float64Array, co.diagA[i] as Float64Array[], co.diagExp[i]);
      this.f(t + (method.c[i] as number) * h, Ui, this.K[i] as Float64Array);
      op.project(this.K[i] as Float64Array, this.wm[i] as Float64Array);
      addProductInto(this.zm[i] as Float64Array, this.wm[i] as Float64Array, op.lambda, this.ym[i] as Float64Array, this.rows);
    }
    this.combine(this.yNew, this.yNewModal, h, s, this.nullB, co.diagB, co.diagExp[s]);
    this.combine(this.err, undefined, h, s, this.nullE, co.diagE, undefined);
  }

  /**
   * Estimated Lipschitz constant of the remainder g along the last step, |G_a - G_b| / |U_a - U_b| for two stages
   * at the same node (Hairer's stiffness estimate, applied to g); 0 without such a pair. No pass over B: with
   * G_j = K_j + B^T B U_j = K_j + B^T V y_j, |G_a - G_b|^2 = |dK|^2 + 2 dw . dy + sum_r lambda_r dy_r^2 for
   * dK = K_a - K_b, dy = y_a - y_b and dw = w_a - w_b = V^T B dK (the stages' modal coordinates).
   */
  remainderLipschitz(): number {
    if (this.pair === undefined) return 0;
    const [a, b] = this.pair;
    const { n, rows } = this;
    const { lambda } = this.op as NegativeGramOperator;
    const Ua = this.U[a] as Float64Array;
    const Ub = this.U[b] as Float64Array;
    const Ka = this.K[a] as Float64Array;
    const Kb = this.K[b] as Float64Array;
    let du = 0;
    let dk = 0;
    for (let q = 0; q < n; q++) {
      du += ((Ua[q] as number) - (Ub[q] as number)) ** 2;
      dk += ((Ka[q] as number) - (Kb[q] as number)) ** 2;
    }
    // Stryker disable next-line ConditionalExpression: equivalent for `false`: du = 0 then gives sqrt(dg / 0) = Infinity or NaN only when U_a = U_b, i.e. G_a = G_b and dg = 0: NaN, and `h * NaN > relinearizeAt` is false like 0
    if (du === 0) return 0;
    const ya = this.ym[a] as Float64Array;
    const yb = this.ym[b] as Float64Array;
    const wa = this.wm[a] as Float64Array;
    const wb = this.wm[b] as Float64Array;
    let cross = 0;
    let modal = 0;
    for (let r = 0; r < rows; r++) {
      const dy = (ya[r] as number) - (yb[r] as number);
      cross += ((wa[r] as number) - (wb[r] as number)) * dy;
      modal += (lambda[r] as number) * dy * dy;
    }
    // rounding can leave a tiny negative sum where G_a ~ G_b
    return Math.sqrt(Math.max(0, dk + 2 * cross + modal) / du);
  }

  /**
   * After an accepted step to tNew: f at yNew (one call) and the data of the step for dense output (one object
   * reused by every step, pointing at the stepper's buffers: read it before the next step).
   */
  finishStep(tNew: number): StepData {
    const op = this.op as NegativeGramOperator;
    this.f(tNew, this.yNew, this.nextDerivative);
    op.project(this.nextDerivative, this.nextW);
    addProductInto(this.nextZ, this.nextW, op.lambda, this.yNewModal, this.rows);
    const mid = this.method.midStage;
    const d = this.stepData;
    d.t = this.t;
    d.h = this.h;
    d.op = op;
    d.u = this.u;
    d.K0 = this.K[0] as Float64Array;
    d.Km = this.K[mid] as Float64Array;
    d.y0 = this.ym[0] as Float64Array;
    d.ym = this.ym[mid] as Float64Array;
    d.z0 = this.zm[0] as Float64Array;
    d.zm = this.zm[mid] as Float64Array;
    d.z1 = this.nextZ;
    d.phiAtEnd = this.hasPhiAtEnd ? this.coefficients.copyPhis(1, 5, this.phiAtEnd) : undefined;
    return d;
  }

  /** Make the new state (already copied into y by the caller) the current one: its derivative and modal data. */
  advance(y: Float64Array): void {
    (this.K[0] as Float64Array).set(this.nextDerivative);
    (this.ym[0] as Float64Array).set(this.yNewModal);
    const w = this.wm[0] as Float64Array;
    this.wm[0] = this.nextW;
    this.nextW = w;
    const z = this.zm[0] as Float64Array;
    this.zm[0] = this.nextZ;
    this.nextZ = z;
    this.u = y;
  }
}
