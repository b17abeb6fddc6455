import { describe, expect, it } from 'vitest';
import { opNorm } from '../../linalg/opNorm.js';
import { mulberry32 } from '../../random/mulberry32.js';
import { EDGE_FAMILIES, edgeModel } from './edgeFamilies.js';

describe('bounded feature models of the edge experiment', () => {
  for (const family of EDGE_FAMILIES) {
    it(`${family.name}: centred, Jacobian = finite differences, Lip(h) and Lip(Dh) bound sampled ratios`, () => {
      const { model } = edgeModel(family, 7, 0);
      const { n, p, w0 } = model;
      expect(Math.max(...Array.from(model.value(w0), Math.abs))).toBe(0);
      const random = mulberry32(11);
      for (let trial = 0; trial < 20; trial++) {
        const u = Float64Array.from({ length: p }, () => 6 * random() - 3);
        const v = Float64Array.from({ length: p }, () => 6 * random() - 3);
        const J = model.jacobian(u);
        for (let j = 0; j < p; j++) {
          const e = 1e-6;
          const up = model.value(Float64Array.from(u, (x, k) => (k === j ? x + e : x)));
          const down = model.value(Float64Array.from(u, (x, k) => (k === j ? x - e : x)));
          for (let i = 0; i < n; i++) expect(J[i * p + j]).toBeCloseTo(((up[i] as number) - (down[i] as number)) / (2 * e), 7);
        }
        const dist = Math.hypot(...Array.from(u, (x, k) => x - (v[k] as number)));
        const dJ = J.map((x, k) => x - (model.jacobian(v)[k] as number));
        expect(opNorm(dJ, n, p)).toBeLessThanOrEqual(model.lipDh(Infinity) * dist);
        expect(opNorm(J, n, p)).toBeLessThanOrEqual(model.lipH(Infinity));
      }
    });
  }
});
