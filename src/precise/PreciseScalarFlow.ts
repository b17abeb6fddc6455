import type { Decimal } from 'decimal.js';
import { certifiedRound } from './certifiedRound.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal, type DecimalInput } from './DecimalInput.js';
import { readDigits, type PrecisionOptions } from './PrecisionOptions.js';
import { scalarFlowAt, type ScalarFlowData, type ScalarFlowKey } from './_internals/scalarFlowFormulas.js';

/** The general scalar quadratic model `h(w) = a w + b w^2/2` trained from `w0` towards `y*` at scale alpha. */
export interface ScalarFlowParams {
  /** Slope of h at 0 (any real). */
  readonly a: DecimalInput;
  /** Curvature of h (any real; |b| = Lip(Dh)). */
  readonly b: DecimalInput;
  /** Initial weight (any real). */
  readonly w0: DecimalInput;
  /** Target (any real). */
  readonly yStar: DecimalInput;
  /** Output scale, > 0. */
  readonly alpha: DecimalInput;
}

/** The flow at time t, every value correctly rounded to the model's digits. */
export type ScalarFlowState = { readonly t: Decimal } & Readonly<Record<ScalarFlowKey, Decimal>>;

/** Significant digits of the exact ring: only +, -, x are used in it (never / or sqrt), so nothing rounds. */
const EXACT_DIGITS = 1e9;

/**
 * Closed-form gradient flow of the general scalar model `h(w) = a w + b w^2/2`:
 * `dw/dt = (1/alpha) h'(w) (y* - alpha h(w))`, and its linearization `hbar(w) = h(w0) + h'(w0)(w - w0)`,
 * for any real a, b, w0, y* and alpha > 0, at `digits` significant digits (default 50, at most 1000).
 * At time t >= 0 it reports `v = alpha h(w(t))`, `vbar = alpha hbar(wbar(t))`, the residuals
 * `r = y* - v`, `rbar = y* - vbar = (y* - v0) e^(-h'(w0)^2 t)`, `w`, `wbar`, `hPrime = h'(w(t))` and
 * `E = |v - vbar|`. The derivation (Riccati equation for v, partial fractions in every sign case, b = 0,
 * double root, critical w0, branch of w) is in `_internals/scalarFlowFormulas.ts`.
 *
 * Rounding: Ziv's strategy ({@link certifiedRound}); E and any value near 0 are recomputed with as many
 * extra digits as cancel (estimated from magnitudes). A residual below decimal.js's range (`e^(-z)`,
 * z > 2e16, i.e. < 10^(-8.6e15)) is flushed to 0. Throws NtkPrecisionError when a value cancels to zero
 * even at 40 000 working digits.
 *
 * Reference: Riccati/Bernoulli equation by the substitution z = 1/r, e.g. E. Hille, *Ordinary Differential
 * Equations in the Complex Domain* (1976), ch. 3; rounding per A. Ziv, ACM TOMS 17(3), 1991.
 */
export class PreciseScalarFlow {
  /** Significant digits of every result. */
  readonly digits: number;
  /** The constructor of every result (precision = digits, round-half-even); a fresh clone per model. */
  readonly Decimal: Decimal.Constructor;
  readonly #exact = decimalContext(EXACT_DIGITS);
  readonly #p: Readonly<Record<keyof ScalarFlowParams, Decimal>>;

  /** Throws NtkInputError (`a`, `b`, `w0`, `yStar`, `alpha`, `digits`) on bad input. */
  constructor(params: ScalarFlowParams, options?: PrecisionOptions) {
    this.digits = readDigits(options);
    this.Decimal = decimalContext(this.digits);
    const X = this.#exact;
    this.#p = {
      a: readDecimal('a', params.a, X),
      b: readDecimal('b', params.b, X),
      w0: readDecimal('w0', params.w0, X),
      yStar: readDecimal('yStar', params.yStar, X),
      alpha: readDecimal('alpha', params.alpha, X, 'positive'),
    };
  }

  /** The state at time t >= 0 (NtkInputError `t` otherwise). */
  at(t: DecimalInput): ScalarFlowState {
    const data = this.#data(readDecimal('t', t, this.#exact, 'nonNegative'));
    const state = certifiedRound(this.Decimal, (precision) => scalarFlowAt(decimalContext(precision), data));
    return { t: new this.Decimal(data.t), ...state };
  }

  /** E(t) = |alpha h(w(t)) - alpha hbar(wbar(t))|, for t >= 0. */
  E(t: DecimalInput): Decimal {
    return this.at(t).E;
  }

  #data(t: Decimal): ScalarFlowData {
    const { a, b, w0, yStar, alpha } = this.#p;
    const slope0 = a.plus(b.times(w0));
    const v0 = alpha.times(a.times(w0).plus(b.times(w0).times(w0).times(0.5)));
    const r0 = yStar.minus(v0);
    const alphaPStar = alpha.times(a).times(a).plus(b.times(yStar).times(2));
    const linear = t.isZero() || r0.isZero() || slope0.isZero() || b.isZero();
    return { alpha, w0, t, slope0, v0, r0, alphaPStar, linear };
  }
}
