import { finiteNumber, nonNegativeNumber, nonNegativeOrInfinity, positiveNumber } from '../validate/validators.js';
import { boundProduct, roundUp, finiteOnBall } from './_internals/certified.js';
import type { ScalarSpec } from './InstanceJson.js';
import type { SmoothModel } from './SmoothModel.js';

/** The converse construction a scalar model came from (set by `converseModel` only). */
export interface ConverseParameters {
  /** Horizon T > 0 of the instance the model was built for (a = 1/sqrt(T)). */
  readonly T: number;
  /** Lip(Dh) = b. */
  readonly lip: number;
}

/**
 * Scalar model h(w) = a w + b w^2 / 2 (p = n = 1, absolute w), around any w0 (docs/theory.md, "The converse model in closed form").
 * J(w) = a + b w (1 x 1). Lip(Dh) = |b| exactly, on every ball. Built by `scalarModel` or `converseModel`.
 */
export class ScalarModel implements SmoothModel {
  readonly kind = 'scalar';
  readonly p = 1;
  readonly n = 1;
  readonly lipDhIsExact = true;
  readonly w0: Float64Array;
  readonly a: number;
  readonly b: number;
  /** Present when built by `converseModel`. */
  readonly converse: ConverseParameters | undefined;

  constructor(a: number, b: number, w0: number, converse?: ConverseParameters) {
    this.a = a;
    this.b = b;
    this.w0 = Float64Array.of(w0);
    this.converse = converse;
  }

  value(w: Float64Array, out = new Float64Array(1)): Float64Array {
    const x = w[0] as number;
    out[0] = x * (this.a + 0.5 * this.b * x);
    return out;
  }

  jacobian(w: Float64Array, out = new Float64Array(1)): Float64Array {
    out[0] = this.a + this.b * (w[0] as number);
    return out;
  }

  vjp(w: Float64Array, r: Float64Array, out = new Float64Array(1)): Float64Array {
    out[0] = (this.a + this.b * (w[0] as number)) * (r[0] as number);
    return out;
  }

  /** Lip(Dh) = |h''| = |b|, exact (a float, no rounding). */
  lipDh(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    return finiteOnBall(rho, Math.abs(this.b));
  }

  /**
   * Lip(h) on [w0 - rho, w0 + rho] = max |a + b w| = |a + b w0| + |b| rho (attained at an end), rounded up.
   * |a + b w0| is bounded by |fl(a + P)| + eps |P|, P = fl(b w0): the rounding of P is relative to |b w0|, not to
   * the (possibly much smaller, when a and b w0 cancel) sum, so a relative roundUp alone would not cover it.
   */
  lipH(rho: number): number {
    nonNegativeOrInfinity('rho', rho);
    return finiteOnBall(rho, roundUp(this.#slopeBound() + boundProduct(Math.abs(this.b), rho), 4));
  }

  /**
   * Upper bound on |a + b w0|. Computed on a / 2^k, b / 2^k (exact scalings) when b w0 overflows, so a finite
   * slope of cancelling a and b w0 near 1e308 is not reported as Infinity.
   */
  #slopeBound(): number {
    const w0 = this.w0[0] as number;
    let scale = 1;
    let [a, b] = [this.a, this.b];
    while (!(Number.isFinite(b * w0) && Number.isFinite(a + b * w0))) {
      scale *= 2 ** 8;
      [a, b] = [this.a / scale, this.b / scale];
    }
    const P = b * w0;
    const bound = roundUp(Math.abs(a + P) + Number.EPSILON * Math.abs(P), 4);
    return bound * scale; // Infinity when the slope itself is not representable
  }

  toSpec(): ScalarSpec {
    return { kind: 'scalar', a: this.a + 0, b: this.b + 0 }; // + 0 writes -0 as 0 (JSON has no -0)
  }
}

/** Input of `scalarModel`: h(w) = a w + b w^2 / 2 around w0 (all finite, any sign). */
export interface ScalarInput {
  readonly a: number;
  readonly b: number;
  readonly w0: number;
}

/** Validated scalar model h(w) = a w + b w^2 / 2 with reference point w0. */
export function scalarModel(input: ScalarInput): ScalarModel {
  return scalarFromJson(input as unknown as Record<string, unknown>, finiteNumber('w0', input.w0), '');
}

/** Internal (shared with `parseInstance`): a and b read from `raw`, named `${at}a`, `${at}b` in errors. */
export function scalarFromJson(raw: Record<string, unknown>, w0: number, at: string): ScalarModel {
  return new ScalarModel(finiteNumber(`${at}a`, raw.a), finiteNumber(`${at}b`, raw.b), w0);
}

/** Input of `converseModel`: horizon T > 0 and the target Lip(Dh) = lip >= 0. */
export interface ConverseInput {
  readonly T: number;
  readonly lip: number;
}

/**
 * The converse model of Thm. 1.3 (docs/theory.md, "The converse model in closed form"): a = 1/sqrt(T), b = lip,
 * w0 = 0. Pair it with y* = sqrt(2 R0) and the same T; `model.converse` records (T, lip).
 */
export function converseModel(input: ConverseInput): ScalarModel {
  const T = positiveNumber('T', input.T);
  const lip = nonNegativeNumber('lip', input.lip);
  return new ScalarModel(1 / Math.sqrt(T), lip, 0, { T, lip });
}
