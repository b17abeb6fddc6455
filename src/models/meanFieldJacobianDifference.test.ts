import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { meanFieldModelArb } from '../../arbitraries/meanFieldModelArb.js';
import { norm2 } from '../linalg/dense.js';
import { decimalContext } from '../precise/decimalContext.js';
import { add, randomVector, relativeError } from './_testing/modelChecks.js';
import { activationDifference } from './activationDifference.js';
import type { MeanFieldModel } from './meanField.js';
import { meanFieldJacobianDifference } from './meanFieldJacobianDifference.js';
import { createRng } from '../random/rng.js';

const models = fc.tuple(fc.oneof(meanFieldModelArb(), meanFieldModelArb({ symmetric: false, inputScale: 3 })), fc.integer({ min: 1, max: 2 ** 31 - 1 }));

const D = decimalContext(60);
/** The exact value of a double (toPrecision(100) prints every digit of doubles of magnitude >= 1e-40 or so). */
const exact = (x: number): Decimal => new D(x.toPrecision(100));

/** J(v) - J(u) evaluated at 60 digits from the exact values of u, v, x: the reference. */
function referenceDifference(model: MeanFieldModel, u: Float64Array, v: Float64Array): Float64Array {
  const { m, n, d, p, x } = model;
  const sigma = (z: Decimal) => (model.activation.name === 'tanh' ? z.tanh() : D.div(1, z.neg().exp().plus(1)));
  const slope = (z: Decimal) => {
    const s = sigma(z);
    return model.activation.name === 'tanh' ? s.times(s).neg().plus(1) : s.times(s.neg().plus(1));
  };
  const jacobian = (w: Float64Array) => {
    const J: Decimal[] = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        let z = new D(0);
        for (let k = 0; k < d; k++) z = z.plus(exact(x[j * d + k] as number).times(exact(w[m + i * d + k] as number)));
        z = z.times(D.sqrt(m));
        J[j * p + i] = sigma(z).div(D.sqrt(n * m));
        const c = exact(w[i] as number)
          .times(slope(z))
          .div(D.sqrt(n));
        for (let k = 0; k < d; k++) J[j * p + m + i * d + k] = c.times(exact(x[j * d + k] as number));
      }
    }
    return J;
  };
  const Jv = jacobian(v);
  return Float64Array.from(jacobian(u), (ju, idx) => (Jv[idx] as Decimal).minus(ju).toNumber());
}

describe('meanFieldJacobianDifference', () => {
  it('equals J(v) - J(u) up to the rounding of the plain difference (~eps ||J||)', () => {
    fc.assert(
      fc.property(models, ([model, seed]) => {
        const rng = createRng(seed).uniform;
        const u = add(model.w0, randomVector(rng, model.p, rng()));
        const v = add(u, randomVector(rng, model.p, 0.1 + rng()));
        const [Ju, Jv] = [model.jacobian(u), model.jacobian(v)];
        const plain = Jv.map((x, i) => x - (Ju[i] as number));
        const gap = norm2(meanFieldJacobianDifference(model, u, v).map((x, i) => x - (plain[i] as number)));
        expect(gap).toBeLessThanOrEqual(1e-14 * (model.p + 8) * (norm2(Ju) + norm2(Jv)));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps its digits at tiny steps: matches a 60-digit reference to 1e-12 relative, steps 1e-13..1e-1', () => {
    const small = fc.oneof(meanFieldModelArb({ maxM: 6, maxN: 3 }), meanFieldModelArb({ maxM: 6, maxN: 3, symmetric: false, inputScale: 3 }));
    fc.assert(
      fc.property(small, fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 13 }), (model, seed, k) => {
        const rng = createRng(seed).uniform;
        const u = add(model.w0, randomVector(rng, model.p, rng()));
        const v = add(u, randomVector(rng, model.p, 10 ** -k));
        const ref = referenceDifference(model, u, v);
        if (norm2(ref) === 0) return;
        expect(relativeError(meanFieldJacobianDifference(model, u, v), ref)).toBeLessThan(1e-12);
      }),
      { numRuns: 15 },
    );
  });

  it('activation differences match plain differences, vanish at dz = 0 and saturate without overflow', () => {
    for (const name of ['tanh', 'sigmoid'] as const) {
      const zero = activationDifference(name, 0.3, 0.3, 0);
      expect([Math.abs(zero.value), Math.abs(zero.slope)]).toEqual([0, 0]);
      const d = activationDifference(name, 2.5, -1, 3.5);
      const f = name === 'tanh' ? Math.tanh : (z: number) => 1 / (1 + Math.exp(-z));
      expect(d.value).toBeCloseTo(f(2.5) - f(-1), 14);
      expect(activationDifference(name, 800, -800, 1600).value).toBeCloseTo(name === 'tanh' ? 2 : 1, 14);
      expect(Number.isFinite(activationDifference(name, 300, 299, 1).value)).toBe(true);
    }
  });
});
