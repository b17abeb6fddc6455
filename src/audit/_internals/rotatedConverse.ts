import type { Decimal } from 'decimal.js';
import type { Instance } from '../../flow/Instance.js';
import { quadraticModel } from '../../models/quadratic.js';
import { PreciseScalarFlow } from '../../precise/PreciseScalarFlow.js';

/** kappa of each component, as a multiple of the parameter set's kappa. */
export const COMPONENT_KAPPA = [1, 0.5, 0.25] as const;

/** The converse flows of {@link rotatedConverse}: the instance and its exact weights at any time. */
export interface RotatedConverse {
  readonly instance: Instance;
  /** The orthogonal V = I - 2 u u^T (symmetric), m x m. */
  readonly V: readonly (readonly number[])[];
  /** w(t) = V z(t), with z_k(t) the closed-form converse flows, in decimal.js at `digits`. */
  weights(t: number): Decimal[];
  readonly Decimal: Decimal.Constructor;
}

/** Householder reflection I - 2 u u^T of the direction of `raw` (e_1 + e_2 + ... if raw vanishes). */
function reflection(raw: readonly number[]): number[][] {
  const length = Math.hypot(...raw);
  const u = length > 0 ? raw.map((x) => x / length) : raw.map(() => 1 / Math.sqrt(raw.length));
  return u.map((ui, i) => u.map((uj, j) => (i === j ? 1 : 0) - 2 * ui * uj));
}

/**
 * m = 3 decoupled converse flows seen through a rotation: with z = V^T w, `h_k(w) = a z_k + b_k z_k^2 / 2`,
 * a = 1/sqrt(T), targets y*_k = sqrt(2 R0 / m), and b_k set so that component k has kappa_k = COMPONENT_KAPPA[k]
 * kappa. It is a quadratic model (G = diag(a) V^T, Q_k = b_k v_k v_k^T with v_k the columns of V, w0 = 0), whose
 * gradient flow (1) decouples into the scalar converse flows dz_k/dt = (1/alpha) h_k'(z_k) (y*_k - alpha h_k):
 * the exact w(T) = V z(T) is known to any precision, and every component of w mixes all three flows.
 */
export function rotatedConverse(
  params: { alpha: number; T: number; R0: number; kappa: number },
  direction: readonly number[],
  digits: number,
): RotatedConverse {
  const { alpha, T, R0, kappa } = params;
  const m = COMPONENT_KAPPA.length;
  const V = reflection(direction.slice(0, m));
  const a = 1 / Math.sqrt(T);
  const yStar = Math.sqrt((2 * R0) / m);
  const b = COMPONENT_KAPPA.map((k) => (k * kappa * alpha) / (T * Math.sqrt(R0 / m)));
  const column = (k: number) => V.map((row) => row[k] as number);
  const model = quadraticModel({
    h0: new Array<number>(m).fill(0),
    G: V.map((_, k) => column(k).map((v) => a * v)),
    Q: b.map((bk, k) => column(k).map((vi) => column(k).map((vj) => bk * vi * vj))),
    w0: new Array<number>(m).fill(0),
  });
  const flows = b.map((bk) => new PreciseScalarFlow({ a, b: bk, w0: 0, yStar, alpha }, { digits }));
  const D = (flows[0] as PreciseScalarFlow).Decimal;
  return {
    instance: { model, yStar: new Float64Array(m).fill(yStar), alpha, T },
    V,
    Decimal: D,
    weights(t) {
      const z = flows.map((flow) => flow.at(t).w);
      return V.map((row) => row.reduce((s, v, k) => s.plus(new D(v).times(z[k] as Decimal)), new D(0)));
    },
  };
}
