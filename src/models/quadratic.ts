import { NtkInputError } from '../errors/NtkInputError.js';
import { opNorm } from '../linalg/opNorm.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { finiteMatrix, finiteVector, nonNegativeOrInfinity } from '../validate/validators.js';
import { boundProduct, finiteOnBall, powerOfTwoScale, roundUp, sqrtEigenUpperBound, timesPowerOfTwo } from './_internals/certified.js';
import { finiteTensor3, toJsonArray, toNested } from './_internals/jsonShapes.js';
import type { QuadraticSpec } from './InstanceJson.js';
import type { SmoothModel } from './SmoothModel.js';

/** Relative tolerance of the symmetry check on each Q_k (relative to max |Q_k|). */
const SYMMETRY_TOLERANCE = 1e-12;

/** Validated data of a quadratic model: h0 [n], G n x p row-major, Q n x p x p (Q[(k p + i) p + j]), w0 [p]. */
export interface QuadraticData {
  readonly h0: Float64Array;
  readonly G: Float64Array;
  readonly Q: Float64Array;
  readonly w0: Float64Array;
}

/**
 * Quadratic model h(w) = h0 + G d + 1/2 Q[d, d], d = w - w0, each Q_k (p x p) symmetric (docs/theory.md, "The models the
 * generators produce"). J(w) = G + Q[d, .] (row k = G_k + (Q_k d)^T). Built by `quadraticModel` or
 * `structuredQuadratic`, which validate; the fields are the model's own storage (do not mutate).
 */
export class QuadraticModel implements SmoothModel {
  readonly kind = 'quadratic';
  readonly n: number;
  readonly p: number;
  readonly w0: Float64Array;
  readonly h0: Float64Array;
  /** G = J(w0), n x p row-major. */
  readonly G: Float64Array;
  /** Q, n x p x p: Q_k[i][j] = Q[(k p + i) p + j], each Q_k symmetric. */
  readonly Q: Float64Array;
  readonly lipDhIsExact: boolean;
  #lipDh: number | undefined;
  #normG: number | undefined;
  readonly #d: Float64Array;

  /** `exactLipDh`: the exact Lip(Dh) when known in closed form (structured family), else the certified bound is computed. */
  constructor(data: QuadraticData, exactLipDh?: number) {
    this.h0 = data.h0;
    this.G = data.G;
    this.Q = data.Q;
    this.w0 = data.w0;
    this.n = data.h0.length;
    this.p = data.w0.length;
    this.#lipDh = exactLipDh;
    this.lipDhIsExact = exactLipDh !== undefined;
    this.#d = new Float64Array(this.p);
  }

  /** d = w - w0 in the model's scratch. */
  #delta(w: Float64Array): Float64Array {
    const d = this.#d;
    for (let i = 0; i < this.p; i++) d[i] = (w[i] as number) - (this.w0[i] as number);
    return d;
  }

  /** (G + Q[d, .])_{k i} = G_ki + (Q_k d)_i: entry (k, i) of J(w). */
  #jacobianEntry(k: number, i: number, d: Float64Array): number {
    const { p, Q } = this;
    const row = (k * p + i) * p;
    let t = 0;
    for (let j = 0; j < p; j++) t += (Q[row + j] as number) * (d[j] as number);
    return (this.G[k * p + i] as number) + t;
  }

  /** h(w) = h0 + G d + 1/2 Q[d, d], evaluated as h0_k + sum_i d_i (G_ki + 1/2 (Q_k d)_i). O(n p^2). */
  value(w: Float64Array, out = new Float64Array(this.n)): Float64Array {
    const d = this.#delta(w);
    const { n, p, Q, G } = this;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < p; i++) {
        const di = d[i] as number;
        if (di === 0) continue;
        const row = (k * p + i) * p;
        let t = 0;
        for (let j = 0; j < p; j++) t += (Q[row + j] as number) * (d[j] as number);
        s += di * ((G[k * p + i] as number) + 0.5 * t);
      }
      out[k] = (this.h0[k] as number) + s;
    }
    return out;
  }

  /** J(w) = G + Q[d, .], n x p row-major. O(n p^2). */
  jacobian(w: Float64Array, out = new Float64Array(this.n * this.p)): Float64Array {
    const d = this.#delta(w);
    for (let k = 0; k < this.n; k++) for (let i = 0; i < this.p; i++) out[k * this.p + i] = this.#jacobianEntry(k, i, d);
    return out;
  }

  /** J(w)^T r = G^T r + sum_k r_k Q_k d, length p, without storing J. O(n p^2). */
  vjp(w: Float64Array, r: Float64Array, out = new Float64Array(this.p)): Float64Array {
    const d = this.#delta(w);
    out.fill(0);
    for (let k = 0; k < this.n; k++) {
      const rk = r[k] as number;
      if (rk === 0) continue;
      for (let i = 0; i < this.p; i++) out[i] = (out[i] as number) + rk * this.#jacobianEntry(k, i, d);
    }
    return out;
  }

  /**
   * Certified Lip(Dh), global (any rho, Infinity included). J(u) - J(v) = Q[u - v, .], so Lip(Dh) is the spectral
   * norm of the tensor Q, ||Q||_sigma = sup_{|e|=|x|=|y|=1} sum_k y_k e^T Q_k x, and every unfolding of Q into a
   * matrix bounds it from above (docs/lip-dh.md). The bound is the smaller of two unfoldings':
   * - p x np (rows e, columns (k, x)): for fixed e, sum_k y_k e^T Q_k x <= ||M_e||_op <= ||M_e||_F with M_e the
   *   n x p matrix of rows (Q_k e)^T, and ||M_e||_F^2 = e^T (sum_k Q_k^2) e <= lambda_max(S), S = sum_k Q_k^2 (Q_k
   *   symmetric); exact when n = 1 (then ||M_e|| = |Q_1 e|);
   * - n x p^2 (rows y, columns (e, x)): sum_k y_k e^T Q_k x = <sum_k y_k Q_k, e x^T>_F <= ||sum_k y_k Q_k||_F
   *   ||e x^T||_F = sqrt(y^T Gamma y) <= sqrt(lambda_max(Gamma)), Gamma_kl = <Q_k, Q_l>_F (the n x n Gram matrix);
   *   exact when p = 1 (then Q is the vector (q_k) and both sides are its norm).
   * Both are never above docs/theory.md's sqrt(sum_k ||Q_k||^2). Each is computed with the float-rounding margin of
   * `sqrtEigenUpperBound` (trace(S) = trace(Gamma) = sum_k ||Q_k||_F^2), so the minimum is an upper bound too.
   */
  lipDh(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    this.#lipDh ??= this.#certifiedQBound();
    return finiteOnBall(rho, this.#lipDh);
  }

  /** Certified Lip(h) on B(w0, rho): ||J(w)|| <= ||G|| + ||Q[d, .]|| <= ||G|| + Lip(Dh) rho (triangle inequality). */
  lipH(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    this.#normG ??= this.#certifiedGNorm();
    return finiteOnBall(rho, roundUp(this.#normG + boundProduct(this.lipDh(rho), rho), 4));
  }

  toSpec(): QuadraticSpec {
    const { n, p } = this;
    return {
      kind: 'quadratic',
      h0: toJsonArray(this.h0),
      G: toNested(this.G, n, p),
      Q: Array.from({ length: n }, (_, k) => toNested(this.Q, p, p, k * p * p)),
    };
  }

  /**
   * The bound of `lipDh` computed on Q / s, s = `powerOfTwoScale(Q)` (exact scaling), then multiplied back by s:
   * forming S or Gamma from Q itself would square entries like 1e-184 to 0 (a certified 0 for a nonzero Q) or
   * entries like 1e+200 to Infinity.
   */
  #certifiedQBound(): number {
    const { n, p } = this;
    const scale = powerOfTwoScale(this.Q);
    if (scale === 0) return 0;
    const Q = this.Q.map((x) => x / scale);
    // The largest scaled entry is in [1/2, 2], so the trace is >= 1/4: the margins of sqrtEigenUpperBound also cover
    // the absolute rounding (< 2^-1074 per operation) of scaled entries that are subnormal.
    return timesPowerOfTwo(scale, Math.min(unfoldingBoundPxNp(Q, n, p), unfoldingBoundNxPp(Q, n, p)));
  }

  /** Certified ||G||, computed on G / s (s = `powerOfTwoScale(G)`, exact) like `#certifiedQBound`. */
  #certifiedGNorm(): number {
    const scale = powerOfTwoScale(this.G);
    if (scale === 0) return 0;
    const G = this.G.map((x) => x / scale);
    let frobenius2 = 0;
    for (const g of G) frobenius2 += g * g;
    return timesPowerOfTwo(scale, sqrtEigenUpperBound(opNorm(G, this.n, this.p) ** 2, frobenius2, (this.n + this.p) ** 2));
  }
}

/**
 * sqrt(lambda_max(S)), S = sum_k Q_k^2 (p x p), rounded up: the bound of the p x np unfolding of Q (n x p x p,
 * Q_k symmetric). Each entry of S sums n p products; the eigen-solver's dimension is p.
 */
function unfoldingBoundPxNp(Q: Float64Array, n: number, p: number): number {
  const S = new Float64Array(p * p);
  let trace = 0;
  for (let k = 0; k < n; k++) {
    const o = k * p * p;
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        let s = 0;
        for (let l = 0; l < p; l++) s += (Q[o + i * p + l] as number) * (Q[o + l * p + j] as number);
        S[i * p + j] = (S[i * p + j] as number) + s;
        if (i === j) trace += s;
      }
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) S[i * p + j] = S[j * p + i] as number;
  return sqrtEigenUpperBound(Math.max(...symmetricEigen(S, p).values), trace, (n + p) ** 2);
}

/**
 * sqrt(lambda_max(Gamma)), Gamma_kl = <Q_k, Q_l>_F (n x n), rounded up: the bound of the n x p^2 unfolding of Q.
 * Each entry of Gamma sums p^2 products; the eigen-solver's dimension is n.
 */
function unfoldingBoundNxPp(Q: Float64Array, n: number, p: number): number {
  const m = p * p;
  const gamma = new Float64Array(n * n);
  let trace = 0;
  for (let k = 0; k < n; k++) {
    for (let l = k; l < n; l++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (Q[k * m + i] as number) * (Q[l * m + i] as number);
      gamma[k * n + l] = s;
      gamma[l * n + k] = s;
      if (k === l) trace += s;
    }
  }
  return sqrtEigenUpperBound(Math.max(...symmetricEigen(gamma, n).values), trace, (n + m) ** 2);
}

/** Input of `quadraticModel`: h0 [n], G [n][p], Q [n][p][p] (each Q[k] symmetric), w0 [p]. */
export interface QuadraticInput {
  readonly h0: ArrayLike<number>;
  readonly G: readonly (readonly number[])[];
  readonly Q: readonly (readonly (readonly number[])[])[];
  readonly w0: ArrayLike<number>;
}

/**
 * Validated quadratic model from nested arrays. Errors name the field path (`G[1][3]`; `Q[0][1][2]` when Q[0] is
 * not symmetric).
 * Each Q_k must be symmetric to relative 1e-12 of max |Q_k|; it is then symmetrized, (Q_k + Q_k^T) / 2.
 */
export function quadraticModel(input: QuadraticInput): QuadraticModel {
  return quadraticFromJson(input as unknown as Record<string, unknown>, input.w0, '');
}

/**
 * Internal (shared with `parseInstance`): build from a JSON-like record whose fields h0, G, Q are named
 * `${at}h0` etc. in errors; w0 is named `w0`.
 */
export function quadraticFromJson(raw: Record<string, unknown>, w0Raw: unknown, at: string): QuadraticModel {
  const w0 = finiteVector('w0', w0Raw);
  const p = w0.length;
  const h0 = finiteVector(`${at}h0`, raw.h0);
  const n = h0.length;
  const G = finiteMatrix(`${at}G`, raw.G, n, p).data;
  const Q = finiteTensor3(`${at}Q`, raw.Q, n, p, p);
  for (let k = 0; k < n; k++) symmetrizeSlice(`${at}Q[${k}]`, Q.subarray(k * p * p, (k + 1) * p * p), p);
  return new QuadraticModel({ h0, G, Q, w0 });
}

/** Check a p x p slice (named `name`, e.g. `model.Q[0]`) is symmetric to SYMMETRY_TOLERANCE (relative to its largest entry), then symmetrize it in place. */
function symmetrizeSlice(name: string, S: Float64Array, p: number): void {
  let scale = 0;
  for (const x of S) scale = Math.max(scale, Math.abs(x));
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const a = S[i * p + j] as number;
      const b = S[j * p + i] as number;
      if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
        throw new NtkInputError(`${name}[${i}][${j}]`, a, `equal to ${name}[${j}][${i}]=${b} to relative ${SYMMETRY_TOLERANCE} (each Q[k] symmetric)`);
      }
      S[i * p + j] = 0.5 * (a + b);
      S[j * p + i] = S[i * p + j] as number;
    }
  }
}
