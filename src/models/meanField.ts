import { norm2 } from '../linalg/dense.js';
import { finiteMatrix, finiteVector, nonNegativeOrInfinity, oneOf } from '../validate/validators.js';
import { boundProduct, finiteOnBall, powerOfTwoScale, roundUp, timesPowerOfTwo } from './_internals/certified.js';
import { toJsonArray, toNested } from './_internals/jsonShapes.js';
import { ACTIVATION_NAMES, activations, type Activation, type ActivationName } from './activation.js';
import type { MeanFieldSpec } from './InstanceJson.js';
import { lemma21LipDh } from './lemma21.js';
import type { SmoothModel } from './SmoothModel.js';

/**
 * Mean-field 2-layer net, eq. (8): f_w(x) = m^(-1/2) sum_i a_i sigma(sqrt(m) <x, u_i>) and
 * h(w) = n^(-1/2) [f_w(x_1), ..., f_w(x_n)] (docs/theory.md, "The models the generators produce").
 * Parameter layout (p = m + m d): w[i] = a_i for i < m, then w[m + i d + k] = (u_i)_k (U row-major, row i = u_i).
 * With z_ij = sqrt(m) <x_j, u_i>: dh_j/da_i = (n m)^(-1/2) sigma(z_ij), dh_j/du_i = n^(-1/2) a_i sigma'(z_ij) x_j.
 * Built by `meanFieldNet`; fields are the model's own storage (do not mutate).
 */
export class MeanFieldModel implements SmoothModel {
  readonly kind = 'meanField';
  readonly lipDhIsExact = false;
  /** Number of neurons. */
  readonly m: number;
  /** Input dimension. */
  readonly d: number;
  /** Number of data points (= output dimension n). */
  readonly n: number;
  readonly p: number;
  readonly w0: Float64Array;
  readonly activation: Activation;
  /** Inputs x_j, n x d row-major. */
  readonly x: Float64Array;
  /** X = max_j ||x_j|| (rounded up). */
  readonly X: number;
  readonly #sqrtM: number;
  readonly #aMax0: number;
  readonly #aNorm0: number;
  /** Scratch of length n: z_j, sigma(z_j), sigma'(z_j) for one neuron, and a mirrored pair's partial sums. */
  readonly #zs: Float64Array;
  readonly #s: Float64Array;
  readonly #ds: Float64Array;
  readonly #pair: Float64Array;
  /** Output scales of eq. (8): (n m)^(-1/2) on the a-part, n^(-1/2) on the u-part of the Jacobian. */
  readonly #cA: number;
  readonly #cU: number;

  constructor(activation: Activation, x: Float64Array, n: number, d: number, w0: Float64Array, m: number) {
    this.activation = activation;
    this.x = x;
    this.n = n;
    this.d = d;
    this.m = m;
    this.p = m + m * d;
    this.w0 = w0;
    this.#sqrtM = Math.sqrt(m);
    this.#zs = new Float64Array(n);
    this.#s = new Float64Array(n);
    this.#ds = new Float64Array(n);
    this.#pair = new Float64Array(n);
    this.#cA = 1 / Math.sqrt(n * m);
    this.#cU = 1 / Math.sqrt(n);
    let X = 0;
    for (let j = 0; j < n; j++) X = Math.max(X, norm2(x.subarray(j * d, (j + 1) * d)));
    this.X = roundUp(X, d + 8);
    const a0 = w0.subarray(0, m);
    let aMax = 0;
    for (const ai of a0) aMax = Math.max(aMax, Math.abs(ai));
    this.#aMax0 = aMax;
    this.#aNorm0 = roundUp(norm2(a0), m + 8);
  }

  /**
   * One neuron against all inputs: z_j = sqrt(m) <x_j, u_i> for the u_i stored in w, then sigma(z_j) into
   * this.#s and sigma'(z_j) into this.#ds (length n; one batched activation call).
   */
  #neuron(w: Float64Array, i: number): void {
    const { n, d, x } = this;
    const z = this.#zs;
    const sqrtM = this.#sqrtM;
    const uo = this.m + i * d;
    for (let j = 0; j < n; j++) {
      const xo = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[xo + k] as number) * (w[uo + k] as number);
      z[j] = sqrtM * s;
    }
    this.activation.evaluate(z, this.#s, this.#ds, n);
  }

  /**
   * h(w), length n. O(m d n). Neurons i and i + floor(m/2) are summed as a pair first, so the symmetric
   * initialization (second half = first half with a negated) gives h(w0) = 0 exactly, not up to rounding.
   */
  value(w: Float64Array, out = new Float64Array(this.n)): Float64Array {
    const { m, n } = this;
    const s = this.#s;
    const pair = this.#pair;
    const half = m >> 1;
    out.fill(0);
    for (let i = 0; i < half; i++) {
      this.#neuron(w, i);
      const ai = w[i] as number;
      for (let j = 0; j < n; j++) pair[j] = ai * (s[j] as number);
      this.#neuron(w, i + half);
      const aMirror = w[i + half] as number;
      for (let j = 0; j < n; j++) out[j] = (out[j] as number) + ((pair[j] as number) + aMirror * (s[j] as number));
    }
    if (m % 2 === 1) {
      this.#neuron(w, m - 1);
      for (let j = 0; j < n; j++) out[j] = (out[j] as number) + (w[m - 1] as number) * (s[j] as number);
    }
    const c = this.#cA;
    for (let j = 0; j < n; j++) out[j] = c * (out[j] as number);
    return out;
  }

  /** J(w), n x p row-major (columns in the parameter layout above). O(m d n). */
  jacobian(w: Float64Array, out = new Float64Array(this.n * this.p)): Float64Array {
    const { m, n, d, p, x } = this;
    for (let i = 0; i < m; i++) {
      this.#neuron(w, i);
      const ai = w[i] as number;
      for (let j = 0; j < n; j++) {
        out[j * p + i] = this.#cA * (this.#s[j] as number);
        const c = this.#cU * ai * (this.#ds[j] as number);
        const o = j * p + m + i * d;
        for (let k = 0; k < d; k++) out[o + k] = c * (x[j * d + k] as number);
      }
    }
    return out;
  }

  /**
   * J(w)^T r without forming J, one pass over the neurons computing z_ij, sigma and sigma' once:
   * (J^T r)_{a_i} = (n m)^(-1/2) sum_j r_j sigma(z_ij), (J^T r)_{u_i} = n^(-1/2) a_i sum_j r_j sigma'(z_ij) x_j.
   * O(m d n), no allocation when `out` is given.
   */
  vjp(w: Float64Array, r: Float64Array, out = new Float64Array(this.p)): Float64Array {
    const { m, n, d, x } = this;
    const s = this.#s;
    const ds = this.#ds;
    const cA = this.#cA;
    const cU = this.#cU;
    for (let i = 0; i < m; i++) {
      this.#neuron(w, i);
      let ga = 0;
      for (let j = 0; j < n; j++) {
        const rj = r[j] as number;
        ga += rj * (s[j] as number);
        ds[j] = rj * (ds[j] as number);
      }
      out[i] = cA * ga;
      const cu = cU * (w[i] as number);
      const uo = m + i * d;
      for (let k = 0; k < d; k++) {
        let g = 0;
        for (let j = 0; j < n; j++) g += (ds[j] as number) * (x[j * d + k] as number);
        out[uo + k] = cu * g;
      }
    }
    return out;
  }

  /**
   * Certified Lip(Dh) on B(w0, rho) from Lemma 2.1 (`lemma21LipDh`, which proves it for the stacked, n^(-1/2)
   * scaled outputs): ||s'|| X + ||s''|| X^2 A(rho), A(rho) = sqrt(m) (max_i |a_i(w0)| + rho), since
   * |a_i(w) - a_i(w0)| <= |w - w0| <= rho on the ball. Infinity for rho = Infinity (unless X = 0).
   */
  lipDh(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    return finiteOnBall(rho, lemma21LipDh(this.activation, this.X, boundProduct(this.#sqrtM, this.#aMax0 + rho)));
  }

  /**
   * Certified Lip(h) on B(w0, rho): ||Dh||_op <= ||Dh||_F, and ||Dh||_F^2 = (1/n) sum_j |grad f_j|^2 with
   * |grad f_j|^2 = sum_i [ sigma(z_ij)^2 / m + a_i^2 sigma'(z_ij)^2 |x_j|^2 ] <= sup|s|^2 + ||s'||^2 X^2 ||a||^2,
   * and ||a(w)|| <= ||a(w0)|| + rho on the ball: sqrt(sup|s|^2 + ||s'||^2 X^2 (||a(w0)|| + rho)^2).
   */
  lipH(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    const { supAbs, supSlope } = this.activation;
    const slopePart = boundProduct(supSlope, this.X, this.#aNorm0 + rho);
    return finiteOnBall(rho, scaledHypot(supAbs, slopePart));
  }

  toSpec(): MeanFieldSpec {
    const { m, d, n } = this;
    return {
      kind: 'meanField',
      activation: this.activation.name,
      x: toNested(this.x, n, d),
      a: toJsonArray(this.w0.subarray(0, m)),
      U: toNested(this.w0, m, d, m),
    };
  }
}

/**
 * Certified upper bound on sqrt(x^2 + y^2) (x, y >= 0, possibly Infinity), computed as s sqrt((x/s)^2 + (y/s)^2)
 * with s the power of two above max(x, y), so y = 1e200 (X of inputs near 1e200) gives 1e200, not Infinity.
 * Rounding: the scaling is exact; squares, sum, sqrt and a final product are <= 5 roundings (8 ulps covers them).
 */
function scaledHypot(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  const s = powerOfTwoScale([x, y]);
  if (s === 0) return 0;
  return timesPowerOfTwo(s, roundUp(Math.sqrt((x / s) ** 2 + (y / s) ** 2), 8));
}

/** Input of `meanFieldNet`: activation name, inputs x [n][d], output weights a [m], input weights U [m][d]. */
export interface MeanFieldInput {
  readonly activation: ActivationName;
  readonly x: readonly (readonly number[])[];
  readonly a: ArrayLike<number>;
  readonly U: readonly (readonly number[])[];
}

/** Validated mean-field net with reference point w0 = (a, U) (see `MeanFieldModel` for the layout). */
export function meanFieldNet(input: MeanFieldInput): MeanFieldModel {
  return meanFieldFromJson(input as unknown as Record<string, unknown>, '');
}

/** Internal (shared with `parseInstance`): fields named `${at}x` etc. in errors. */
export function meanFieldFromJson(raw: Record<string, unknown>, at: string): MeanFieldModel {
  const activation = activations[oneOf(`${at}activation`, raw.activation, ACTIVATION_NAMES)];
  const x = finiteMatrix(`${at}x`, raw.x);
  const a = finiteVector(`${at}a`, raw.a);
  const m = a.length;
  const U = finiteMatrix(`${at}U`, raw.U, m, x.cols);
  const w0 = new Float64Array(m + m * x.cols);
  w0.set(a);
  w0.set(U.data, m);
  return new MeanFieldModel(activation, x.data, x.rows, x.cols, w0, m);
}
