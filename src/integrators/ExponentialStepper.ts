import { addProductInto } from '../linalg/elementwise.js';
import type { StepData } from './_internals/exponentialInterpolant.js';
import { linearCombination } from '../linalg/linearCombination.js';
import type { ExponentialMethod } from './ExponentialMethod.js';
import { ExponentialCoefficients } from './ExponentialCoefficients.js';
import { exponentialMethodFloat, type FloatExponentialMethod, nullValues } from './exponentialMethodFloat.js';
import type { NegativeGramOperator } from './NegativeGramOperator.js';
import type { Rhs } from './Rhs.js';
import type { VectorArena } from './VectorArena.js';
import type { ExponentialStage, ExponentialStageLayout } from './ExponentialStage.js';

/** A tuple of N vectors (how a slice of the borrowed vectors is destructured). */
type Vectors<N extends number, R extends Float64Array[] = []> = R['length'] extends N ? R : Vectors<N, [Float64Array, ...R]>;

const nullPartsCache = new WeakMap<FloatExponentialMethod, { readonly A: readonly Float64Array[]; readonly b: Float64Array; readonly e: Float64Array }>();

/** Null parts (L = 0 values) of a method's A rows, b and b - bHat (once per method). */
function nullParts(method: FloatExponentialMethod): { readonly A: readonly Float64Array[]; readonly b: Float64Array; readonly e: Float64Array } {
  let parts = nullPartsCache.get(method);
  if (parts === undefined) {
    parts = { A: method.A.map(nullValues), b: nullValues(method.b), e: nullValues(method.e) };
    nullPartsCache.set(method, parts);
  }
  return parts;
}

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
  /** The stages' modal coordinates y_j, w_j = V^T B K_j, z_j, stage j at [j rows, (j + 1) rows), and their views per stage. */
  private readonly Y: Float64Array;
  private readonly W: Float64Array;
  private readonly Z: Float64Array;
  private readonly ym: readonly Float64Array[];
  private readonly wm: readonly Float64Array[];
  private readonly zm: readonly Float64Array[];
  private readonly acc: Float64Array;
  /** h times the null parts of one combination. */
  private readonly hNull: Float64Array;
  private readonly yNewModal: Float64Array;
  private readonly nextW: Float64Array;
  private readonly nextZ: Float64Array;
  /** The work arrays a native stage kernel uses (lambda, V and B: copies of the operator's, kept with a kernel only). */
  private readonly layout: ExponentialStageLayout;
  /** The arena's native stage kernel on `layout`, or undefined (the TypeScript path). */
  private readonly stage: ExponentialStage | undefined;
  /** `stage` while the operator's B is dense (the stage kernels read it), else undefined: combinations and projections in TypeScript. */
  private denseStage: ExponentialStage | undefined;
  private readonly phiAtEnd: Float64Array;
  private readonly hasPhiAtEnd: boolean;
  private readonly stepData: { -readonly [K in keyof StepData]: StepData[K] };
  /** Two stages at the same node (for the Lipschitz estimate of g), or undefined. */
  private readonly pair: readonly [number, number] | undefined;
  private t = 0;
  private h = 0;
  private u: Float64Array;

  /**
   * With `arena`, all work arrays (stages, state, tolerances, modal coordinates, coefficient tables) live there: f reads
   * and writes them in place, and where the arena has an {@link ExponentialStage} each combination, projection and
   * coefficient sum is one native call, bitwise the same ({@link ExponentialStepper.release} hands them back).
   */
  constructor(method: ExponentialMethod, f: Rhs, n: number, rows: number, arena?: VectorArena) {
    this.method = exponentialMethodFloat(method);
    this.f = f;
    this.n = n;
    this.rows = rows;
    const s = this.method.stages;
    ({ A: this.nullA, b: this.nullB, e: this.nullE } = nullParts(this.method));
    // one borrow for all (a second one could move the arena's memory under the first one's views): 2 s + 5 vectors
    // of length n, then kTable, hNull, acc, scratch, Y, W, Z, the coefficients' storage, lambda, V, B, yNewModal, nextW, nextZ
    const count = 2 * s + 5;
    const modal = [s, s, rows, rows, s * rows, s * rows, s * rows, ExponentialCoefficients.storageLength(this.method, rows), rows, rows * rows, rows * n];
    const lengths = [...new Array<number>(count).fill(n), ...modal, rows, rows, rows];
    const all = arena === undefined ? lengths.map((length) => new Float64Array(length)) : arena.borrowEach(lengths);
    this.arena = arena;
    this.borrowed = arena === undefined ? [] : all;
    this.K = all.slice(0, s);
    this.U = all.slice(s, 2 * s);
    [this.yNew, this.err, this.nextDerivative, this.state, this.atol] = all.slice(2 * s, count) as Vectors<5>;
    const [kTable, hNull, acc, scratch, Y, W, Z, storage, lambda, V, B, yNewModal, nextW, nextZ] = all.slice(count) as Vectors<14>;
    this.coefficients = new ExponentialCoefficients(this.method, rows, storage);
    this.Y = Y;
    this.W = W;
    this.Z = Z;
    const rowsOf = (flat: Float64Array) => Array.from({ length: s }, (_, j) => flat.subarray(j * rows, (j + 1) * rows));
    this.ym = rowsOf(Y);
    this.wm = rowsOf(W);
    this.zm = rowsOf(Z);
    this.acc = acc;
    this.hNull = hNull;
    this.yNewModal = yNewModal;
    this.nextW = nextW;
    this.nextZ = nextZ;
    const { plan } = this.coefficients;
    const views = [...this.ym, ...this.wm, ...this.zm];
    this.layout = { n, rows, K: this.K, kTable, hNull, acc, scratch, Y, W, Z, D: plan.values, lambda, V, B, plan, views };
    this.stage = arena?.exponentialStage(this.layout);
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
    this.denseStage = op.B === undefined ? undefined : this.stage;
    if (this.denseStage !== undefined) {
      const { lambda, V, B } = this.layout;
      lambda.set(op.lambda);
      V.set(op.V);
      B.set(op.B as Float64Array);
    }
    this.modal(y, this.K[0] as Float64Array, this.ym[0] as Float64Array, this.wm[0] as Float64Array, this.zm[0] as Float64Array);
  }

  private modal(y: Float64Array, k: Float64Array, ym: Float64Array, wm: Float64Array, zm: Float64Array): void {
    const op = this.op as NegativeGramOperator;
    op.project(y, ym);
    op.project(k, wm);
    addProductInto(zm, wm, op.lambda, ym, this.rows); // z = w + Lambda y
  }

  /**
   * out = [exp part] + h sum_j C_j G_j for the combinations j < count with null parts `nulls` and diagonal parts at
   * `diag` + j rows in the coefficients' values, with modal result into `outModal` when given. `expAt` < 0 means no
   * exp(c h L) u term (the error estimate), else the offset of its diagonal part.
   */
  private combine(out: Float64Array, outModal: Float64Array | undefined, h: number, count: number, nulls: Float64Array, diag: number, expAt: number): void {
    const { rows, acc, K, Y, W, Z, hNull } = this;
    const u = expAt < 0 ? undefined : this.u;
    for (let j = 0; j < count; j++) hNull[j] = h * (nulls[j] as number);
    if (this.denseStage?.combine(out, u, count, h, diag, expAt, outModal) === true) return;
    const D = this.coefficients.values;
    const op = this.op as NegativeGramOperator;
    const { lambda } = op;
    // out = [u] + h sum_j nulls_j K_j: one pass per four stages (bitwise the per-stage sums: each entry adds the
    // same terms in the same order)
    if (this.arena?.combine(out, 0, u, h, nulls, K, count) !== true) linearCombination(out, 0, u, h, nulls, K, count);
    // per eigenvalue r: acc_r = [e_r y_0r] + sum_j (h diag_jr z_jr + h null_j y_jr) and outModal_r = [y_0r] +
    // sum_j h null_j w_jr + lambda_r acc_r, each sum in the order of j
    for (let r = 0; r < rows; r++) {
      let a = expAt < 0 ? 0 : (D[expAt + r] as number) * (Y[r] as number);
      let m = expAt < 0 ? 0 : (Y[r] as number);
      for (let j = 0; j < count; j++) {
        const nv = hNull[j] as number;
        const q = j * rows + r;
        // Stryker disable next-line ConditionalExpression: performance only: a zero null weight adds 0 * w_j (a non-finite K_j fails the step through the modal sums anyway)
        if (nv !== 0) m += nv * (W[q] as number);
        a = a + h * (D[diag + q] as number) * (Z[q] as number) + nv * (Y[q] as number);
      }
      acc[r] = a;
      if (outModal !== undefined) outModal[r] = m + (lambda[r] as number) * a;
    }
    op.addBack(acc, out);
  }

  /** w = V^T B x and z = w + Lambda y: the modal coordinates of a stage with derivative x and state coordinates y. */
  private project(x: Float64Array, y: Float64Array, w: Float64Array, z: Float64Array): void {
    if (this.denseStage?.project(x, y, w, z) === true) return;
    const op = this.op as NegativeGramOperator;
    op.project(x, w);
    addProductInto(z, w, op.lambda, y, this.rows);
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
      co.update(h, op.lambda, this.stage);
      this.coefficientsH = h;
      this.coefficientsOp = op;
    }
    this.t = t;
    this.h = h;
    this.u = y;
    const s = method.stages;
    for (let i = 1; i < s; i++) {
      const Ui = this.U[i] as Float64Array;
      this.combine(Ui, this.ym[i], h, i, this.nullA[i] as Float64Array, co.offsetA[i] as number, co.offsetExp[i] as number);
      this.f(t + (method.c[i] as number) * h, Ui, this.K[i] as Float64Array);
      this.project(this.K[i] as Float64Array, this.ym[i] as Float64Array, this.wm[i] as Float64Array, this.zm[i] as Float64Array);
    }
    this.combine(this.yNew, this.yNewModal, h, s, this.nullB, co.offsetB, co.offsetExp[s] as number);
    this.combine(this.err, undefined, h, s, this.nullE, co.offsetE, -1);
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
    this.project(this.nextDerivative, this.yNewModal, this.nextW, this.nextZ);
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
    this.Y.set(this.yNewModal);
    this.W.set(this.nextW);
    this.Z.set(this.nextZ);
    this.u = y;
  }
}
