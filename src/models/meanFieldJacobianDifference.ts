import { NtkInputError } from '../errors/NtkInputError.js';
import { activationDifference } from './activationDifference.js';
import type { MeanFieldModel } from './meanField.js';

/**
 * J(v) - J(u) of a mean-field net (n x p row-major, the layout of `MeanFieldModel.jacobian`), computed from the
 * weight difference v - u instead of as the difference of two rounded Jacobians (which loses every digit the
 * two share when ||v - u|| is small). With z_ij = sqrt(m) <x_j, u_i> and dz_ij = sqrt(m) <x_j, v_i - u_i>:
 * - a-columns: (n m)^(-1/2) [sigma(z_ij(v)) - sigma(z_ij(u))];
 * - u-columns: n^(-1/2) [(a_i(v) - a_i(u)) sigma'(z_ij(v)) + a_i(u) (sigma'(z_ij(v)) - sigma'(z_ij(u)))] x_j;
 * the differences of sigma and sigma' from `activationDifference`. Each entry is then accurate to a few ulps of
 * the magnitudes of its terms (which are themselves differences), not of the entries of J.
 */
export function meanFieldJacobianDifference(model: MeanFieldModel, u: Float64Array, v: Float64Array): Float64Array {
  const { m, n, d, p, x, activation } = model;
  if (u.length !== p || v.length !== p) throw new NtkInputError('u, v', [u.length, v.length], `parameter vectors of length p=${p}`);
  const out = new Float64Array(n * p);
  const sqrtM = Math.sqrt(m);
  const cA = 1 / Math.sqrt(n * m);
  const cU = 1 / Math.sqrt(n);
  for (let i = 0; i < m; i++) {
    const uo = m + i * d;
    const aU = u[i] as number;
    const da = (v[i] as number) - aU;
    for (let j = 0; j < n; j++) {
      let zu = 0;
      let zv = 0;
      let dz = 0;
      for (let k = 0; k < d; k++) {
        const xjk = x[j * d + k] as number;
        zu += xjk * (u[uo + k] as number);
        zv += xjk * (v[uo + k] as number);
        dz += xjk * ((v[uo + k] as number) - (u[uo + k] as number));
      }
      zu *= sqrtM;
      zv *= sqrtM;
      dz *= sqrtM;
      const diff = activationDifference(activation.name, zv, zu, dz);
      const slopeV = activation.slopeFromValue(activation.value(zv));
      out[j * p + i] = cA * diff.value;
      const c = cU * (da * slopeV + aU * diff.slope);
      for (let k = 0; k < d; k++) out[j * p + uo + k] = c * (x[j * d + k] as number);
    }
  }
  return out;
}
