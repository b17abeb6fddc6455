import { quadraticModel } from '../../models/quadratic.js';
import type { Instance } from '../Instance.js';

/**
 * A two-parameter quadratic whose flow path bends back (test-only): the largest ||w(t) - w0|| is reached inside
 * (0, T), beyond ||w(T) - w0||, so a radius read only at the end point, or only at the mesh, falls short.
 */
export function bendingPath(): Instance {
  const model = quadraticModel({
    h0: [0, 0],
    G: [
      [0.651, 0.752],
      [-0.128, -0.69],
    ],
    Q: [
      [
        [-1.481, 2.796],
        [2.796, -2.305],
      ],
      [
        [0.887, -1.52],
        [-1.52, 1.729],
      ],
    ],
    w0: [0.5, -1],
  });
  return { model, yStar: Float64Array.of(-1.376, -0.118), alpha: 1, T: 5 };
}
