import fc from 'fast-check';
import { opNorm } from '../src/linalg/opNorm.js';
import type { MatrixCase } from '../src/statements/MatrixCase.js';
import { logUniform } from './logUniform.js';

/** Constraints of {@link matrixCaseArb}. */
export interface MatrixCaseConstraints {
  /** Largest n and p. Default 6 and 8. */
  readonly maxN?: number;
  readonly maxP?: number;
  /** Range of t ||A||^2 (the dimensionless time), log-uniform. Default [1e-4, 1e3]. */
  readonly tA2?: readonly [number, number];
  /** Range of ||B|| / ||A||, log-uniform. Default [1e-4, 1e2]. */
  readonly relativeB?: readonly [number, number];
}

/**
 * Cases (A, B, t) for Lemma 3.3 and eq. (25): ||A|| = 1 up to a log-uniform rescaling folded into t, B random,
 * aligned with A (B = s A, the worst case of a small perturbation), or cancelling A (A + B = small).
 */
export function matrixCaseArb(constraints: MatrixCaseConstraints = {}): fc.Arbitrary<MatrixCase> {
  const [tMin, tMax] = constraints.tA2 ?? [1e-4, 1e3];
  const [bMin, bMax] = constraints.relativeB ?? [1e-4, 1e2];
  return fc
    .record({
      n: fc.integer({ min: 1, max: constraints.maxN ?? 6 }),
      p: fc.integer({ min: 1, max: constraints.maxP ?? 8 }),
      scale: logUniform(1e-3, 1e3),
      tA2: logUniform(tMin, tMax),
      relativeB: logUniform(bMin, bMax),
      mode: fc.constantFrom('random', 'aligned', 'cancel'),
      sign: fc.constantFrom(1, -1),
    })
    .chain((d) => {
      const box = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d.n * d.p, maxLength: d.n * d.p });
      return fc.tuple(fc.constant(d), box, box);
    })
    .map(([d, aRaw, bRaw]): MatrixCase => {
      const A0 = Float64Array.from(aRaw);
      const aNorm = opNorm(A0, d.n, d.p) || 1;
      const At = A0.map((x) => (x * d.scale) / aNorm);
      let Bt: Float64Array;
      if (d.mode === 'aligned') Bt = At.map((x) => d.sign * d.relativeB * x);
      else if (d.mode === 'cancel') Bt = At.map((x, i) => -x + d.relativeB * d.scale * (bRaw[i] ?? 0) * 1e-2);
      else {
        const B0 = Float64Array.from(bRaw);
        const bNorm = opNorm(B0, d.n, d.p) || 1;
        Bt = B0.map((x) => (x * d.relativeB * d.scale) / bNorm);
      }
      return { n: d.n, p: d.p, At, Bt, t: d.tA2 / d.scale ** 2, mode: d.mode };
    });
}
