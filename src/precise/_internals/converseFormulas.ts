/**
 * The converse model of Thm. 1.3 in closed form (docs/theory.md), each formula arranged so that no digits cancel.
 * Model: `h(w) = a w + b w^2/2`, `a = 1/sqrt(T)`, `b = Lip(Dh)`, `w0 = 0`, `y* = sqrt(2 R0)`.
 * With `c = 2 b T y* / alpha = 2 sqrt(2) kappa` the output `u = alpha h(w) / y*` solves
 * `du/ds = (1 + c u)(1 - u)`, `s = t/T`, so `u(s) = (e^((1+c)s) - 1) / (e^((1+c)s) + c)`, `ubar(s) = 1 - e^(-s)`.
 */
import type { Decimal } from 'decimal.js';
import type { Approx } from '../certifiedRound.js';
import { expTail } from '../expTail.js';
import { eulerE } from './eulerE.js';
import { expPair } from './expPair.js';
import { exponentialConditionDigits } from './magnitude.js';
import { rebase } from './rebase.js';

/** The converse model's inputs, exact (as read). */
export interface ConverseInputs {
  readonly alpha: Decimal;
  readonly T: Decimal;
  readonly lip: Decimal;
  readonly R0: Decimal;
}

/** `kappa`, `c`, `E(T)` and the two bounds, at the precision of `D`. */
export function converseScalars(D: Decimal.Constructor, inputs: ConverseInputs): Record<'kappa' | 'c' | 'E' | 'lowerBound' | 'upperBound', Approx> {
  const p = rebase(D, inputs);
  const sqrtR0 = D.sqrt(p.R0);
  const yStar = D.sqrt(p.R0.times(2));
  const kappa = p.T.times(p.lip).times(sqrtR0).div(p.alpha);
  const c = p.lip.times(p.T).times(yStar).times(2).div(p.alpha);
  const lowerBound = D.min(kappa, 1).times(sqrtR0).div(5);
  const upperBound = D.min(kappa.times(sqrtR0).times(6), yStar.times(2)); // sqrt(8 R0) = 2 y*
  // E / y* = D(c) = (e^(1+c) - 1)/(e^(1+c) + c) - 1 + e^(-1) = e^(-1) - (1+c)/(e^(1+c) + c).
  // c <= 1: over one denominator, D = (c + e phi2(c)) / (e (e^(1+c) + c)) with phi2(c) = e^c - 1 - c >= 0,
  //   and e^(1+c) = e (1 + c + phi2(c)): a sum of positive terms, no cancellation even as c -> 0.
  // c > 1: D = e^(-1) - (1+c) m / (1 + c m), m = e^(-(1+c)) (never overflows); the subtracted term is
  //   < 0.65 e^(-1), so < 0.5 digit cancels. The condition number |c D'(c) / D(c)| is < 1 for all c > 0.
  const e = eulerE(D);
  let ratio: Decimal;
  if (c.lte(1)) {
    const phi2 = expTail(D, c, 2);
    ratio = c.plus(e.times(phi2)).div(e.times(e.times(c.plus(1).plus(phi2)).plus(c)));
  } else {
    const onePlusC = c.plus(1);
    const m = D.exp(onePlusC.neg());
    ratio = new D(1).div(e).minus(onePlusC.times(m).div(c.times(m).plus(1)));
  }
  return {
    kappa: { value: kappa },
    c: { value: c },
    E: { value: yStar.times(ratio), lostDigits: 1 },
    lowerBound: { value: lowerBound },
    upperBound: { value: upperBound },
  };
}

/**
 * `u(s)`, `ubar(s)` and `w(t)` at `s = t/T` (pass `s` or `t`; exactly one), at the precision of `D`.
 * `u = (1 - e^(-x)) / (1 + c e^(-x))`, `x = (1+c) s`: numerator `-expm1(-x)` and denominator are sums of
 * positive terms. Conditioning: `|d ln u / d ln x| <= 1 + x`, so u and w are charged log10(2 + x) digits.
 * `w` is the root of `alpha (a w + b w^2/2) = y* u` continuous with `w0 = 0`, in the cancellation-free form
 * `w = 2q / (a + sqrt(a^2 + 2 b q))`, `q = y* u / alpha >= 0` (the other root is negative).
 */
export function conversePoint(D: Decimal.Constructor, inputs: ConverseInputs, at: { s: Decimal } | { t: Decimal }): Record<'u' | 'ubar' | 'w', Approx> {
  const p = rebase(D, inputs);
  const s = 's' in at ? new D(at.s) : D.div(at.t, p.T);
  const yStar = D.sqrt(p.R0.times(2));
  const c = p.lip.times(p.T).times(yStar).times(2).div(p.alpha);
  const x = c.plus(1).times(s);
  const decay = expPair(D, x);
  const u = decay.expm1.neg().div(c.times(decay.exp).plus(1));
  const ubar = expTail(D, s.neg(), 1).neg();
  const q = yStar.times(u).div(p.alpha);
  const a2 = new D(1).div(p.T);
  const w = q.times(2).div(D.sqrt(a2).plus(D.sqrt(a2.plus(p.lip.times(q).times(2)))));
  const lostDigits = exponentialConditionDigits(x);
  return { u: { value: u, lostDigits }, ubar: { value: ubar }, w: { value: w, lostDigits } };
}
