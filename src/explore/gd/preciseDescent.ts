import type { Decimal } from 'decimal.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import type { Instance } from '../../flow/Instance.js';
import { decimalContext } from '../../precise/decimalContext.js';
import { decimalToNumber } from '../../precise/decimalToNumber.js';
import { exactDecimal } from '../../precise/exactDecimal.js';

/** E_GD = ||r_K - rbar_K|| of both descents, evaluated in decimal arithmetic, with its own error estimate. */
export interface PreciseDescent {
  /** E_GD at 2 * digits (rounded to a double). */
  readonly E: number;
  /** |E_GD(digits) - E_GD(2 digits)|: the decimal evaluation's error estimate (rounded up to a double's resolution). */
  readonly error: number;
  readonly digits: number;
}

type Vec = Decimal[];

/** The polynomial model as decimal closures: h(w) and J(w)^T r, exactly on the double inputs (d = w - w0). */
interface DecimalModel {
  value(d: Vec): Vec;
  vjp(d: Vec, r: Vec): Vec;
  /** J0 = J(w0), n x p. */
  readonly J0: Vec[];
}

/** The model of `instance` in decimal form: quadratic (h0 + G d + Q[d, d] / 2) or scalar (a w + b w^2 / 2). */
function decimalModel(instance: Instance, D: Decimal.Constructor): DecimalModel {
  const spec = instance.model.toSpec?.();
  const x = (v: number) => new D(exactDecimal(v));
  if (spec?.kind === 'quadratic') {
    const h0 = spec.h0.map(x);
    const G = spec.G.map((row) => row.map(x));
    const Q = spec.Q.map((Qk) => Qk.map((row) => row.map(x)));
    const dot = (a: Vec, b: Vec) => a.reduce((s, ai, i) => s.plus(ai.times(b[i] as Decimal)), new D(0));
    return {
      // h_k = h0_k + G_k . d + 1/2 d^T Q_k d
      value: (d) =>
        h0.map((h, k) =>
          h.plus(dot(G[k] as Vec, d)).plus(
            dot(
              d,
              (Q[k] as Vec[]).map((row) => dot(row, d)),
            ).div(2),
          ),
        ),
      // (J^T r)_i = sum_k r_k (G_ki + (Q_k d)_i)
      vjp: (d, r) => d.map((_, i) => r.reduce((s, rk, k) => s.plus(rk.times(((G[k] as Vec)[i] as Decimal).plus(dot((Q[k] as Vec[])[i] as Vec, d)))), new D(0))),
      J0: G,
    };
  }
  if (spec?.kind === 'scalar') {
    const [a, b, w0] = [x(spec.a), x(spec.b), x(instance.model.w0[0] as number)];
    return {
      value: ([d]) => {
        const w = w0.plus(d as Decimal);
        return [w.times(a.plus(b.times(w).div(2)))];
      },
      vjp: ([d], [r]) => [a.plus(b.times(w0.plus(d as Decimal))).times(r as Decimal)],
      J0: [[a.plus(b.times(w0))]],
    };
  }
  throw new NtkInputError('model.kind', instance.model.kind, "'quadratic' or 'scalar' (a polynomial model: decimal gradient descent)");
}

/** E_GD at `digits` significant digits. */
function descentAt(instance: Instance, eta: number, steps: number, digits: number): Decimal {
  const D = decimalContext(digits);
  const m = decimalModel(instance, D);
  const x = (v: number) => new D(exactDecimal(v));
  const alpha = x(instance.alpha);
  const yStar = Array.from(instance.yStar, x);
  const step = x(eta).div(alpha);
  const { n, p } = instance.model;
  const residualAt = (at: Vec) => m.value(at).map((h, k) => (yStar[k] as Decimal).minus(alpha.times(h)));
  let d: Vec = Array.from({ length: p }, () => new D(0));
  let r = residualAt(d);
  // rbar_{k+1} = rbar_k - eta J0 J0^T rbar_k
  let rbar = r.slice();
  const etaD = x(eta);
  for (let k = 0; k < steps; k++) {
    const g = m.vjp(d, r);
    d = d.map((di, i) => di.plus(step.times(g[i] as Decimal)));
    r = residualAt(d);
    const Jtr = Array.from({ length: p }, (_, i) => rbar.reduce((acc, rb, j) => acc.plus(rb.times((m.J0[j] as Vec)[i] as Decimal)), new D(0)));
    rbar = rbar.map((rb, j) => rb.minus(etaD.times((m.J0[j] as Vec).reduce((acc, Jji, i) => acc.plus(Jji.times(Jtr[i] as Decimal)), new D(0)))));
  }
  let s = new D(0);
  for (let i = 0; i < n; i++) s = s.plus((r[i] as Decimal).minus(rbar[i] as Decimal).pow(2));
  return s.sqrt();
}

/**
 * Both gradient descents of {@link gradientDescent}, in decimal.js arithmetic on the exact values of the double
 * inputs (the model's polynomial coefficients, w0, y*, alpha, eta): at `digits` and at 2 `digits` significant
 * digits; the difference of the two is the decimal evaluation's own error estimate. Quadratic and scalar models
 * only (their h and J are polynomials, so each step is exact up to the rounding at the working precision).
 */
export function preciseDescent(instance: Instance, eta: number, steps: number, digits = 40): PreciseDescent {
  const low = descentAt(instance, eta, steps, digits);
  const high = descentAt(instance, eta, steps, 2 * digits);
  const E = decimalToNumber(high);
  const error = Math.abs(decimalToNumber(low.minus(high))) + Number.EPSILON * E;
  return { E, error, digits };
}
