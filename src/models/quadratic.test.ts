import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quadraticModelArb } from '../../arbitraries/quadraticModelArb.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { opNorm } from '../linalg/opNorm.js';
import { add, finiteDifferenceJacobian, jacobianLipschitzRatio, jacobianNorm, randomVector, relativeError, vjpViaJacobian } from './_testing/modelChecks.js';
import { lipDhLowerBound } from './_testing/lipDhLowerBound.js';
import { quadraticModel, type QuadraticModel } from './quadratic.js';
import { structuredQuadratic } from './structuredQuadratic.js';
import { createRng } from '../random/rng.js';

const models = fc.oneof(quadraticModelArb({ maxP: 12, maxN: 5 }), quadraticModelArb({ maxP: 12, maxN: 5, structured: true }));
const withSeed = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, fc.integer({ min: 1, max: 2 ** 31 - 1 }));

/** Unit eigenvector of the largest eigenvalue of S = sum_k Q_k^2: the direction where the Frobenius bound is tightest. */
function topDirection(model: QuadraticModel): Float64Array {
  const { n, p, Q } = model;
  const S = new Float64Array(p * p);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let l = 0; l < p; l++) s += (Q[(k * p + i) * p + l] as number) * (Q[(k * p + l) * p + j] as number);
        S[i * p + j] = (S[i * p + j] as number) + s;
      }
  const { vectors } = symmetricEigen(S, p);
  return Float64Array.from({ length: p }, (_, i) => vectors[i * p + p - 1] as number);
}

describe('quadratic model: derivatives', () => {
  it('J matches Richardson central differences (relative 1e-6) and vjp equals J^T r', () => {
    fc.assert(
      fc.property(withSeed(models), ([model, seed]) => {
        const rng = createRng(seed).uniform;
        const w = add(model.w0, randomVector(rng, model.p, 2 * rng()));
        const J = model.jacobian(w);
        expect(relativeError(finiteDifferenceJacobian(model, w), J, 1e-8)).toBeLessThan(1e-6);
        const r = randomVector(rng, model.n, 1);
        expect(relativeError(model.vjp(w, r), vjpViaJacobian(model, w, r), 1e-12)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('h(w0) = h0 exactly, and J(w0) = G', () => {
    fc.assert(
      fc.property(models, (model) => {
        expect(Array.from(model.value(model.w0))).toEqual(Array.from(model.h0));
        expect(Array.from(model.jacobian(model.w0))).toEqual(Array.from(model.G));
      }),
      { numRuns: 30 },
    );
  });

  it('evaluates a hand-computed example and writes into `out`', () => {
    const model = quadraticModel({
      h0: [1, -1],
      G: [
        [1, 2],
        [0, 3],
      ],
      Q: [
        [
          [2, 1],
          [1, 0],
        ],
        [
          [0, 0],
          [0, 4],
        ],
      ],
      w0: [1, 1],
    });
    const w = Float64Array.of(2, 3); // d = (1, 2)
    const out = new Float64Array(2);
    expect(model.value(w, out)).toBe(out);
    // h_0 = 1 + (1 + 4) + (2*1 + 2*1*2*1 + 0)/2 = 9; h_1 = -1 + 6 + (4*4)/2 = 13
    expect(Array.from(out)).toEqual([9, 13]);
    // J row 0 = G_0 + Q_0 d = (1 + 4, 2 + 1); row 1 = (0, 3 + 8)
    expect(Array.from(model.jacobian(w))).toEqual([5, 3, 0, 11]);
    expect(Array.from(model.vjp(w, Float64Array.of(1, 2)))).toEqual([5, 25]);
  });
});

describe('quadratic model: certified constants', () => {
  it('no sampled ratio |J(u) - J(v)| / |u - v| exceeds lipDh, nor |J(u)| lipH(rho), on B(w0, rho) (random and worst directions)', () => {
    fc.assert(
      fc.property(withSeed(models), fc.double({ min: 0.01, max: 10, noNaN: true }), ([model, seed], rho) => {
        const rng = createRng(seed).uniform;
        const lipDh = model.lipDh(rho);
        const lipH = model.lipH(rho);
        const top = topDirection(model);
        const pairs: [Float64Array, Float64Array][] = [];
        for (let s = 0; s < 6; s++)
          pairs.push([add(model.w0, randomVector(rng, model.p, rho * rng())), add(model.w0, randomVector(rng, model.p, rho * rng()))]);
        pairs.push([add(model.w0, top, rho), add(model.w0, top, -rho)]);
        for (const [u, v] of pairs) {
          const { ratio, slack } = jacobianLipschitzRatio(model, u, v);
          expect(ratio - slack).toBeLessThanOrEqual(lipDh * (1 + 1e-9));
          expect(jacobianNorm(model, u)).toBeLessThanOrEqual(lipH * (1 + 1e-9));
          expect(jacobianNorm(model, v)).toBeLessThanOrEqual(lipH * (1 + 1e-9));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("lipDh is never above docs/theory.md's sqrt(sum_k ||Q_k||^2), and is attained when n = 1", () => {
    fc.assert(
      fc.property(quadraticModelArb({ maxP: 10, maxN: 4 }), (model) => {
        const { n, p, Q } = model;
        let sum = 0;
        for (let k = 0; k < n; k++) sum += opNorm(Q.subarray(k * p * p, (k + 1) * p * p), p, p) ** 2;
        expect(model.lipDh(Infinity)).toBeLessThanOrEqual(Math.sqrt(sum) * (1 + 1e-9) + 1e-300);
        if (n === 1 && sum > 0) {
          const { ratio, slack } = jacobianLipschitzRatio(model, add(model.w0, topDirection(model)), model.w0);
          expect(ratio + slack).toBeGreaterThanOrEqual(model.lipDh(Infinity) * (1 - 1e-9));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lipDh is the smaller unfolding bound: at least the power-iteration lower bound, exact when p = 1, below the p x np bound when n >> p', () => {
    fc.assert(
      fc.property(quadraticModelArb({ maxP: 6, maxN: 8 }), (model) => {
        const lower = lipDhLowerBound(model);
        expect(model.lipDh(Infinity)).toBeGreaterThanOrEqual(lower);
        if (model.p === 1) expect(model.lipDh(Infinity)).toBeLessThanOrEqual(lower * (1 + 1e-9) + 1e-300);
      }),
      { numRuns: 40 },
    );
    // Q = (diag(1, -1), [[0, 1], [1, 0]], I): sum_k Q_k^2 = 3 I (the p x np bound sqrt 3), Gamma = 2 I (the Gram bound
    // sqrt 2), and ||y1 Z + y2 X + y3 I|| = |y3| + |(y1, y2)| <= sqrt 2 with equality at y3 = 1 / sqrt 2: the Gram bound is exact.
    const pauli = quadraticModel({
      h0: [0, 0, 0],
      G: [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      Q: [
        [
          [1, 0],
          [0, -1],
        ],
        [
          [0, 1],
          [1, 0],
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ],
      w0: [0, 0],
    });
    expect(pauli.lipDh(Infinity)).toBeCloseTo(Math.SQRT2, 12);
    expect(pauli.lipDh(Infinity)).toBeGreaterThanOrEqual(Math.SQRT2);
    expect(lipDhLowerBound(pauli)).toBeCloseTo(Math.SQRT2, 9);
  });

  it('structured family: lipDh = ||lambda|| is exact, reached by u - v along v', () => {
    fc.assert(
      fc.property(withSeed(quadraticModelArb({ maxP: 12, structured: true, lipDh: { min: 1e-3, max: 1e3 } })), ([model, seed]) => {
        expect(model.lipDhIsExact).toBe(true);
        const rng = createRng(seed).uniform;
        const { p, Q } = model;
        // v is the unit eigenvector of Q_k for the first k with lambda_k != 0: recover it from that slice's largest column.
        const k = Array.from({ length: model.n }, (_, i) => i).find((i) => Q.subarray(i * p * p, (i + 1) * p * p).some((x) => x !== 0)) ?? 0;
        const slice = Q.subarray(k * p * p, (k + 1) * p * p);
        const col = Array.from({ length: p }, (_, j) => j).reduce(
          (best, j) => (Math.abs(slice[j * p + j] as number) > Math.abs(slice[best * p + best] as number) ? j : best),
          0,
        );
        const v = Float64Array.from({ length: p }, (_, i) => slice[i * p + col] as number);
        const u0 = add(model.w0, randomVector(rng, p, rng()));
        const { ratio, slack } = jacobianLipschitzRatio(model, add(u0, v, 0.5 / Math.hypot(...v)), u0);
        expect(ratio + slack).toBeGreaterThanOrEqual(model.lipDh(Infinity) * (1 - 1e-9));
        expect(ratio - slack).toBeLessThanOrEqual(model.lipDh(Infinity) * (1 + 1e-9));
      }),
      { numRuns: 40 },
    );
  });

  it('lipH(rho) = ||G|| + lipDh rho, finite at rho = Infinity when Q = 0', () => {
    const linear = quadraticModel({
      h0: [0],
      G: [[3, 4]],
      Q: [
        [
          [0, 0],
          [0, 0],
        ],
      ],
      w0: [0, 0],
    });
    expect(linear.lipDh(Infinity)).toBe(0);
    expect(linear.lipH(Infinity)).toBeCloseTo(5, 12);
    expect(linear.lipH(Infinity)).toBeGreaterThanOrEqual(5);
    const s = structuredQuadratic({
      h0: [0, 0],
      G: [
        [3, 4],
        [0, 0],
      ],
      lambda: [3, -4],
      v: [0.6, 0.8],
      w0: [1, 2],
    });
    expect(s.lipDh(Infinity)).toBeCloseTo(5, 12);
    expect(s.lipH(2)).toBeCloseTo(15, 12);
    expect(() => s.lipDh(-1)).toThrow(NtkInputError);
  });
});

describe('quadratic model: validation', () => {
  const base = {
    h0: [0, 0],
    G: [
      [1, 0],
      [0, 1],
    ],
    Q: [
      [
        [1, 2],
        [2, 1],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ],
    w0: [0, 0],
  };
  it.each([
    [
      'asymmetric Q[1]',
      {
        ...base,
        Q: [
          [
            [1, 2],
            [2, 1],
          ],
          [
            [0, 1],
            [0, 0],
          ],
        ],
      },
      /^Q\[1\]\[0\]\[1\]=1 must be equal to Q\[1\]\[1\]\[0\]=0/,
    ],
    ['G with a short row', { ...base, G: [[1, 0], [0]] }, /^G\[1\]=array\(length 1\) must be an array of length 2/],
    [
      'G with too many rows',
      {
        ...base,
        G: [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      },
      /^G=array\(length 3\) must be an array of 2 rows/,
    ],
    [
      'NaN in Q',
      {
        ...base,
        Q: [
          [
            [1, 2],
            [2, Number.NaN],
          ],
          [
            [0, 0],
            [0, 0],
          ],
        ],
      },
      /^Q\[0\]\[1\]\[1\]=NaN must be a finite number/,
    ],
    [
      'Q with one slice',
      {
        ...base,
        Q: [
          [
            [1, 2],
            [2, 1],
          ],
        ],
      },
      /^Q=array\(length 1\) must be an array of 2 matrices/,
    ],
    ['empty w0', { ...base, w0: [] }, /^w0=array\(length 0\) must be a non-empty array/],
  ])('rejects %s', (_label, input, message) => {
    expect(() => quadraticModel(input as Parameters<typeof quadraticModel>[0])).toThrow(message);
  });

  it('accepts Q symmetric to relative 1e-12 and symmetrizes it', () => {
    const model = quadraticModel({
      ...base,
      Q: [
        [
          [1, 2],
          [2 + 1e-12, 1],
        ],
        [
          [0, 0],
          [0, 0],
        ],
      ],
    });
    expect(model.Q[1]).toBe(model.Q[2]);
    expect(() =>
      quadraticModel({
        ...base,
        Q: [
          [
            [1, 2],
            [2 + 1e-10, 1],
          ],
          [
            [0, 0],
            [0, 0],
          ],
        ],
      }),
    ).toThrow(NtkInputError);
  });

  it('structured: rejects a non-unit v and a lambda of the wrong length', () => {
    const ok = { h0: [0], G: [[1, 0]], lambda: [2], v: [1, 0], w0: [0, 0] };
    expect(() => structuredQuadratic({ ...ok, v: [1, 1] })).toThrow(/^v=array\(length 2\) must be a unit vector/);
    expect(() => structuredQuadratic({ ...ok, lambda: [1, 2] })).toThrow(/^lambda=array\(length 2\) must be an array of length 1/);
  });
});
