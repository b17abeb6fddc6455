import type { Decimal } from 'decimal.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { certifiedRound } from './certifiedRound.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal, type DecimalInput } from './DecimalInput.js';
import { readDigits, type PrecisionOptions } from './PrecisionOptions.js';
import { shownValue } from './_internals/shownValue.js';
import { conversePoint, converseScalars, type ConverseInputs } from './_internals/converseFormulas.js';

/** Parameters of the converse model of Thm. 1.3: all finite and > 0. */
export interface ConverseParams {
  /** Output scale alpha. */
  readonly alpha: DecimalInput;
  /** Time horizon T (the model's slope at w0 is a = 1/sqrt(T)). */
  readonly T: DecimalInput;
  /** Lip(Dh) = b, the curvature of h(w) = a w + b w^2/2. */
  readonly lip: DecimalInput;
  /** Initial loss R0 = R(alpha h(w0)); the target is y* = sqrt(2 R0). */
  readonly R0: DecimalInput;
}

/** Everything the converse model says at one time t (`s = t/T`), each value correctly rounded. */
export interface ConverseSnapshot {
  readonly t: Decimal;
  readonly s: Decimal;
  readonly kappa: Decimal;
  readonly c: Decimal;
  readonly u: Decimal;
  readonly ubar: Decimal;
  readonly w: Decimal;
  readonly E: Decimal;
  readonly lowerBound: Decimal;
  readonly upperBound: Decimal;
}

type Scalars = ReturnType<typeof converseScalars>;

/**
 * The converse model of Thm. 1.3 (docs/theory.md, "The converse model in closed form") at `digits` significant
 * digits (default 50, at most 1000): `kappa = T Lip(Dh) sqrt(R0) / alpha`, `c = 2 sqrt(2) kappa`,
 * `u(s) = (e^((1+c)s) - 1)/(e^((1+c)s) + c)`, `ubar(s) = 1 - e^(-s)`, `w(t)` solving
 * `alpha (a w + b w^2/2) = y* u(t/T)`, `E(T) = sqrt(2 R0) (u(1) - ubar(1))`, the Thm. 1.3 lower bound
 * `min(kappa, 1) sqrt(R0) / 5` and the Thm. 1.2 upper bound `min(6 kappa sqrt(R0), sqrt(8 R0))`.
 *
 * Every result is a `Decimal` of {@link PreciseConverse.Decimal} (precision = digits), correctly rounded
 * half-even (see {@link certifiedRound} for the exact guarantee). The formulas are cancellation-free
 * (`c -> 0` included) and evaluated with guard digits by Ziv's strategy; each evaluation uses its own
 * `Decimal.clone`. Inputs are read exactly ({@link DecimalInput}). Scalars are computed once, lazily.
 *
 * Reference: the closed form is docs/theory.md's; rounding per A. Ziv, ACM TOMS 17(3), 1991.
 */
export class PreciseConverse {
  /** Significant digits of every result. */
  readonly digits: number;
  /** The constructor of every result (precision = digits, round-half-even); a fresh clone per model. */
  readonly Decimal: Decimal.Constructor;
  /** The inputs, exactly as read. */
  readonly params: ConverseInputs;
  #scalars: Record<keyof Scalars, Decimal> | undefined;

  /** Throws NtkInputError (`alpha`, `T`, `lip`, `R0`, `digits`) on bad input. */
  constructor(params: ConverseParams, options?: PrecisionOptions) {
    this.digits = readDigits(options);
    this.Decimal = decimalContext(this.digits);
    const D = this.Decimal;
    this.params = {
      alpha: readDecimal('alpha', params.alpha, D, 'positive'),
      T: readDecimal('T', params.T, D, 'positive'),
      lip: readDecimal('lip', params.lip, D, 'positive'),
      R0: readDecimal('R0', params.R0, D, 'positive'),
    };
  }

  #scalar(key: keyof Scalars): Decimal {
    this.#scalars ??= certifiedRound(this.Decimal, (precision) => converseScalars(decimalContext(precision), this.params));
    return this.#scalars[key];
  }

  /** kappa = T Lip(Dh) sqrt(R0) / alpha (dimensionless). */
  get kappa(): Decimal {
    return this.#scalar('kappa');
  }
  /** c = 2 b T y* / alpha = 2 sqrt(2) kappa. */
  get c(): Decimal {
    return this.#scalar('c');
  }
  /** E(T) = |alpha h(w(T)) - alpha hbar(wbar(T))| = sqrt(2 R0) (u(1) - ubar(1)) > 0. */
  get E(): Decimal {
    return this.#scalar('E');
  }
  /** Thm. 1.3 (restored reading): min(kappa sqrt(R0) / 5, sqrt(R0) / 5). */
  get lowerBound(): Decimal {
    return this.#scalar('lowerBound');
  }
  /** Thm. 1.2 (restored reading): min(6 kappa sqrt(R0), sqrt(8 R0)). */
  get upperBound(): Decimal {
    return this.#scalar('upperBound');
  }

  /** u(s) = alpha h(w(sT)) / y*, for s in [0, 1] (NtkInputError `s` otherwise). */
  u(s: DecimalInput): Decimal {
    return this.#point({ s: this.#readS(s) }).u;
  }
  /** ubar(s) = 1 - e^(-s), the linearized output over y*, for s in [0, 1]. */
  ubar(s: DecimalInput): Decimal {
    return this.#point({ s: this.#readS(s) }).ubar;
  }
  /** w(t), the weight of the nonlinear flow, for t in [0, T] (NtkInputError `t` otherwise). */
  w(t: DecimalInput): Decimal {
    return this.#point({ t: this.#readT(t) }).w;
  }

  /** All quantities at time t (default T): u, ubar at s = t/T, w(t), with kappa, c, E(T) and the bounds. */
  at(t?: DecimalInput): ConverseSnapshot {
    const time = t === undefined ? this.params.T : this.#readT(t);
    const point = this.#point({ t: time });
    const s = certifiedRound(this.Decimal, (precision) => ({ s: { value: decimalContext(precision).div(time, this.params.T) } })).s;
    return {
      t: new this.Decimal(time),
      s,
      kappa: this.kappa,
      c: this.c,
      u: point.u,
      ubar: point.ubar,
      w: point.w,
      E: this.E,
      lowerBound: this.lowerBound,
      upperBound: this.upperBound,
    };
  }

  #point(at: { s: Decimal } | { t: Decimal }): Record<'u' | 'ubar' | 'w', Decimal> {
    return certifiedRound(this.Decimal, (precision) => conversePoint(decimalContext(precision), this.params, at));
  }

  #readS(s: DecimalInput): Decimal {
    const x = readDecimal('s', s, this.Decimal, 'nonNegative');
    if (x.gt(1)) throw new NtkInputError('s', shownValue(s), 'a number in [0, 1]');
    return x;
  }

  #readT(t: DecimalInput): Decimal {
    const x = readDecimal('t', t, this.Decimal, 'nonNegative');
    if (x.gt(this.params.T)) throw new NtkInputError('t', shownValue(t), `a number in [0, T] (T=${this.params.T.toString()})`);
    return x;
  }
}
