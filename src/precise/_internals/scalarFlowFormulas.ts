/**
 * Closed form of the gradient flow of the general scalar quadratic model (derivation; docs/theory.md notation).
 *
 * Model `h(w) = a w + b w^2/2`, flow `dw/dt = (1/alpha) h'(w) (y* - alpha h(w))`, any real a, b, w0, y*,
 * alpha > 0. Let `v = alpha h(w)`, `r = y* - v` (residual), `p = h'(w)^2`, `beta = 2b/alpha`.
 * (i)   `dv/dt = alpha h'(w) dw/dt = p r`, and `p = (a + b w)^2 = a^2 + 2 b h(w) = a^2 + beta v`.
 *       With `p* = a^2 + beta y*` (the value of h'^2 at the target): `p = p* - beta r`, hence the Riccati
 *       (Bernoulli) equation `dr/dt = -(p* - beta r) r`. Its equilibria are r = 0 (v = y*) and p = 0
 *       (v = -alpha a^2/(2b), a critical point of h); they coincide iff p* = 0.
 * (ii)  For r != 0, `z = 1/r` obeys the linear `dz/dt = p* z - beta`, so `z = e^(p* t) z0 - beta psi(t)`,
 *       `psi(t) = int_0^t e^(p* tau) dtau = expm1(p* t)/p*` (= t when p* = 0). With `beta r0 = p* - p0`
 *       (p0 = h'(w0)^2) and `e^(p* t) = 1 + p* psi`, the denominator is `1 + p0 psi`:
 *           r(t) = r0 / (1 + p0 psi(t)),     p(t) = p* - beta r = p0 e^(p* t) / (1 + p0 psi(t)).
 *       This is the partial-fraction solution in every sign case at once: p0 >= 0 and psi >= 0, so the
 *       denominator is >= 1 and r keeps the sign of r0 (the trajectory never crosses r = 0); p(t) > 0 whenever
 *       p0 > 0 (it never reaches the other equilibrium). p* = 0 gives the rational solution r0/(1 + p0 t);
 *       b = 0 gives p* = p0 = a^2 and r = r0 / e^(a^2 t) exactly (no division by b anywhere); p0 = 0 (w0 a
 *       critical point) gives r = r0, and w stays at w0 (dw/dt = 0 there, and solutions are unique).
 *       To avoid overflow write mu = |p*|, phi = (1 - e^(-mu t))/mu (= t at mu = 0):
 *           p* > 0:  r = r0 e^(-mu t) / (e^(-mu t) + p0 phi),   p = p0 / (e^(-mu t) + p0 phi);
 *           p* <= 0: r = r0 / (1 + p0 phi),                      p = p0 e^(-mu t) / (1 + p0 phi).
 *       All terms are >= 0: no cancellation. Also `r0 - r = r0 p0 phi / den` (same den).
 * (iii) h' never changes sign: p(t) = h'(w(t))^2 > 0 for all t (by (ii)), and h'(w(t)) is continuous, so
 *       h'(w(t)) = sigma sqrt(p(t)) with sigma = sign(h'(w0)). Then b (w - w0) = (a + b w) - (a + b w0)
 *       = sigma (sqrt(p) - sqrt(p0)) = sigma (p - p0)/(sqrt(p) + sqrt(p0)) and p - p0 = beta (r0 - r), so
 *           w(t) = w0 + 2 sigma (r0 - r) / (alpha (sqrt(p) + sqrt(p0)))     (b cancels: valid for b = 0).
 *       This is the root of `alpha h(w) = v(t)` continuous with w0, in a form without the cancellation of
 *       `(-a + sigma sqrt(p)) / b`.
 * (iv)  Linearized model `hbar(w) = h(w0) + h'(w0)(w - w0)`: `hbar'^2 = p0` is constant, so
 *       `rbar = r0 e^(-p0 t)`, `r0 - rbar = r0 p0 phi0`, and `dwbar/dt = h'(w0) rbar / alpha` integrates to
 *       `wbar = w0 + h'(w0) r0 phi0 / alpha`, `phi0 = (1 - e^(-p0 t))/p0` (= t at p0 = 0).
 * (v)   `E(t) = |v - vbar| = |r - rbar|`; it is 0 exactly iff t = 0, r0 = 0, p0 = 0 or b = 0 (beta r0 = 0:
 *       then p* = p0 and the two flows coincide); otherwise psi is strictly increasing in p*, so E > 0.
 */
import type { Decimal } from 'decimal.js';
import type { Approx } from '../certifiedRound.js';
import { expPair } from './expPair.js';
import { cancellationDigits, exponentialConditionDigits } from './magnitude.js';
import { rebase } from './rebase.js';

/** Exact data of one flow: inputs and the polynomial quantities derived from them without rounding. */
export interface ScalarFlowData {
  readonly alpha: Decimal;
  readonly w0: Decimal;
  readonly t: Decimal;
  /** h'(w0) = a + b w0. */
  readonly slope0: Decimal;
  /** v0 = alpha h(w0). */
  readonly v0: Decimal;
  /** r0 = y* - v0. */
  readonly r0: Decimal;
  /** alpha p* = alpha a^2 + 2 b y* (p* = h'^2 at the target). */
  readonly alphaPStar: Decimal;
  /** E = 0 exactly (t = 0, r0 = 0, p0 = 0 or b = 0). */
  readonly linear: boolean;
}

/** Quantities reported by the flow at time t. */
export type ScalarFlowKey = 'v' | 'vbar' | 'r' | 'rbar' | 'w' | 'wbar' | 'hPrime' | 'E';

/**
 * Beyond this z, e^(-z) < 10^(-8.6e15) is flushed to 0 (decimal.js's exponent range is 9e15): the residuals
 * that contain it are reported as 0, and every other quantity is unaffected to any precision.
 */
const EXP_RANGE = 2e16;

/** phi = (1 - e^(-mu t)) / mu and e^(-mu t), for mu >= 0; e^(-mu t) flushes to 0 below the decimal.js range. */
function decay(D: Decimal.Constructor, mu: Decimal, t: Decimal): { readonly exp: Decimal; readonly phi: Decimal; readonly flushed: boolean } {
  if (mu.isZero()) return { exp: new D(1), phi: t, flushed: false };
  const z = mu.times(t);
  if (z.gt(EXP_RANGE)) return { exp: new D(0), phi: new D(1).div(mu), flushed: true };
  const pair = expPair(D, z);
  return { exp: pair.exp, phi: pair.expm1.neg().div(mu), flushed: false };
}

/** Evaluate every {@link ScalarFlowKey} at the precision of `D`, with error budgets for Ziv rounding. */
export function scalarFlowAt(D: Decimal.Constructor, data: ScalarFlowData): Record<ScalarFlowKey, Approx> {
  const { alpha, w0, t, slope0, v0, r0 } = rebase(D, { alpha: data.alpha, w0: data.w0, t: data.t, slope0: data.slope0, v0: data.v0, r0: data.r0 });
  const p0 = slope0.times(slope0);
  const pStar = new D(data.alphaPStar).div(alpha);
  const lin = decay(D, p0, t);
  const rbar = r0.times(lin.exp);
  const dbar = r0.times(p0).times(lin.phi); // r0 - rbar
  const dwbar = slope0.times(r0).times(lin.phi).div(alpha); // wbar - w0
  const wbar = w0.plus(dwbar);
  const condBar = exponentialConditionDigits(p0.times(t));
  const cond = Math.max(condBar, exponentialConditionDigits(pStar.abs().times(t)));
  const exactly = (x: Decimal): Approx => ({ value: x });
  if (data.linear) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: when p0, r0 or t is 0, dwbar = 0 exactly, so wbar = w0 and its budget adds no cancellation
    const still = p0.isZero() || r0.isZero() || t.isZero();
    return {
      r: { value: rbar, lostDigits: condBar },
      rbar: { value: rbar, lostDigits: condBar },
      v: { value: v0.plus(dbar), lostDigits: condBar + cancellationDigits(v0.plus(dbar), v0, dbar) },
      vbar: { value: v0.plus(dbar), lostDigits: condBar + cancellationDigits(v0.plus(dbar), v0, dbar) },
      w: still ? exactly(w0) : { value: wbar, lostDigits: condBar + cancellationDigits(wbar, w0, dwbar) },
      wbar: still ? exactly(w0) : { value: wbar, lostDigits: condBar + cancellationDigits(wbar, w0, dwbar) },
      hPrime: exactly(slope0),
      E: exactly(new D(0)),
    };
  }
  const nl = decay(D, pStar.abs(), t);
  const positive = pStar.gt(0);
  const den = positive ? nl.exp.plus(p0.times(nl.phi)) : p0.times(nl.phi).plus(1);
  const r = positive ? r0.times(nl.exp).div(den) : r0.div(den);
  const p = positive ? p0.div(den) : p0.times(nl.exp).div(den);
  const d = r0.times(p0).times(nl.phi).div(den); // r0 - r
  const sigma = slope0.isNegative() ? -1 : 1;
  // Stryker disable next-line ArithmeticOperator: equivalent: sigma is +1 or -1, so 2 / sigma = 2 * sigma
  const dw = d.times(2 * sigma).div(alpha.times(D.sqrt(p).plus(D.sqrt(p0))));
  const v = v0.plus(d);
  const vbar = v0.plus(dbar);
  const w = w0.plus(dw);
  // After a flush one residual is 0 (true size < 10^-9e15): E = |r - rbar| then has nothing to cancel.
  const flushed = nl.flushed || lin.flushed;
  const E = flushed ? r.minus(rbar).abs() : d.minus(dbar).abs();
  return {
    r: { value: r, lostDigits: cond },
    rbar: { value: rbar, lostDigits: condBar },
    v: { value: v, lostDigits: cond + cancellationDigits(v, v0, d) },
    vbar: { value: vbar, lostDigits: condBar + cancellationDigits(vbar, v0, dbar) },
    w: { value: w, lostDigits: cond + cancellationDigits(w, w0, dw) },
    wbar: { value: wbar, lostDigits: condBar + cancellationDigits(wbar, w0, dwbar) },
    hPrime: { value: D.sqrt(p).times(sigma), lostDigits: cond },
    E: { value: E, lostDigits: cond + (flushed ? 0 : cancellationDigits(E, d, dbar)) },
  };
}
