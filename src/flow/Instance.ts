import type { SmoothModel } from '../models/SmoothModel.js';

/**
 * One problem of the theory: model h with reference point w0 = model.w0, target y* (length n),
 * scale alpha > 0 and horizon T >= 0. Gradient flow (1): dw/dt = (1/alpha) J(w)^T (y* - alpha h(w)).
 */
export interface Instance {
  readonly model: SmoothModel;
  readonly yStar: Float64Array;
  readonly alpha: number;
  readonly T: number;
}
