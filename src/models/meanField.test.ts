import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanFieldModelArb } from '../../arbitraries/meanFieldModelArb.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { add, finiteDifferenceJacobian, jacobianLipschitzRatio, jacobianNorm, randomVector, relativeError, vjpViaJacobian } from './_testing/modelChecks.js';
import { activations } from './activation.js';
import { lemma21Constant, lemma21LipDh, meanFieldA } from './lemma21.js';
import { meanFieldNet, type MeanFieldModel } from './meanField.js';
import { symmetricInit } from './symmetricInit.js';
import { createRng } from '../random/rng.js';

const models = fc.tuple(
  fc.oneof(meanFieldModelArb(), meanFieldModelArb({ symmetric: false, maxM: 9, inputScale: 3 })),
  fc.integer({ min: 1, max: 2 ** 31 - 1 }),
);

/** A point of B(w0, rho) at distance rho * t in a random direction. */
const inBall = (model: MeanFieldModel, rng: () => number, rho: number) => add(model.w0, randomVector(rng, model.p, rho * rng()));

describe('mean-field net: derivatives', () => {
  it('J matches Richardson central differences (relative 1e-6) and vjp equals J^T r', () => {
    fc.assert(
      fc.property(models, ([model, seed]) => {
        const rng = createRng(seed).uniform;
        const w = inBall(model, rng, 1);
        expect(relativeError(finiteDifferenceJacobian(model, w), model.jacobian(w), 1e-8)).toBeLessThan(1e-6);
        const r = randomVector(rng, model.n, 1 + rng());
        const out = new Float64Array(model.p);
        expect(model.vjp(w, r, out)).toBe(out);
        expect(relativeError(out, vjpViaJacobian(model, w, r), 1e-12)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('the symmetric initialization gives h(w0) = 0 exactly (also at m = 4096)', () => {
    fc.assert(
      fc.property(meanFieldModelArb({ maxM: 40 }), (drawn) => {
        expect(drawn.value(drawn.w0).every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
    const { a, U } = symmetricInit({ m: 4096, d: 3, rng: createRng(7).uniform });
    const model = meanFieldNet({
      activation: 'tanh',
      x: [
        [1, 2, 3],
        [-1, 0.5, 0],
      ],
      a,
      U,
    });
    expect(Array.from(model.value(model.w0))).toEqual([0, 0]);
  });

  it('evaluates eq. (8) on a hand example (m = 2, d = 1, n = 2)', () => {
    const model = meanFieldNet({ activation: 'sigmoid', x: [[1], [2]], a: [1, 0.5], U: [[0.5], [-1]] });
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const f = (x: number) => (sig(Math.SQRT2 * x * 0.5) + 0.5 * sig(-Math.SQRT2 * x)) / Math.SQRT2;
    const h = model.value(model.w0);
    expect(h[0]).toBeCloseTo(f(1) / Math.SQRT2, 15);
    expect(h[1]).toBeCloseTo(f(2) / Math.SQRT2, 15);
    expect(model.p).toBe(4);
    expect(meanFieldA(model, model.w0)).toBe(Math.SQRT2);
  });
});

describe('mean-field net: certified constants (Lemma 2.1)', () => {
  it('no sampled ratio exceeds lipDh(rho), nor |J| lipH(rho), on B(w0, rho) (random and worst directions)', () => {
    fc.assert(
      fc.property(models, fc.double({ min: 0.01, max: 3, noNaN: true }), ([model, seed], rho) => {
        const rng = createRng(seed).uniform;
        const { m, d, x, n } = model;
        const lipDh = model.lipDh(rho);
        const lipH = model.lipH(rho);
        // Worst case of the bound: the neuron with the largest |a_i| pushed by rho/2, its u_i moved along the longest x_j.
        let i = 0;
        for (let k = 1; k < m; k++) if (Math.abs(model.w0[k] as number) > Math.abs(model.w0[i] as number)) i = k;
        let j = 0;
        for (let k = 1; k < n; k++) if (Math.hypot(...x.subarray(k * d, (k + 1) * d)) > Math.hypot(...x.subarray(j * d, (j + 1) * d))) j = k;
        const xj = x.subarray(j * d, (j + 1) * d);
        const base = Float64Array.from(model.w0);
        base[i] = (base[i] as number) + (Math.sign((base[i] as number) || 1) * rho) / 2;
        const along = new Float64Array(model.p);
        along.set(
          xj.map((v) => v / (Math.hypot(...xj) || 1)),
          m + i * d,
        );
        const pairs: [Float64Array, Float64Array][] = [
          [add(base, along, rho / 2), add(base, along, -rho / 4)],
          [add(base, along, rho / 2), base],
        ];
        for (let s = 0; s < 6; s++) pairs.push([inBall(model, rng, rho), inBall(model, rng, rho)]);
        for (const [u, v] of pairs) {
          const { ratio, slack } = jacobianLipschitzRatio(model, u, v);
          expect(ratio - slack).toBeLessThanOrEqual(lipDh * (1 + 1e-9));
          expect(jacobianNorm(model, u)).toBeLessThanOrEqual(lipH * (1 + 1e-9));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lipDh(rho) is the explicit formula, grows with rho, and is Infinity on an unbounded ball', () => {
    const { a, U } = symmetricInit({ m: 8, d: 2, rng: createRng(3).uniform });
    const model = meanFieldNet({ activation: 'sigmoid', x: [[3, 4]], a, U });
    const A = (rho: number) => Math.sqrt(8) * (Math.max(...a.map(Math.abs)) + rho);
    expect(model.lipDh(0.5)).toBeCloseTo(5 / 4 + (25 * A(0.5)) / (6 * Math.sqrt(3)), 12);
    expect(model.lipDh(0.5)).toBeGreaterThanOrEqual(5 / 4 + (25 * A(0.5)) / (6 * Math.sqrt(3)));
    expect(model.lipDh(1)).toBeGreaterThan(model.lipDh(0.5));
    expect(model.lipDh(Infinity)).toBe(Infinity);
    expect(() => model.lipH(Number.NaN)).toThrow(NtkInputError);
  });

  it("K' = K^2 + K^4 dominates the explicit bound when X, A and the activation constants are <= K", () => {
    expect(lemma21Constant(2)).toBe(20);
    expect(() => lemma21Constant(-1)).toThrow(/^K=-1 must be/);
    for (const K of [0.3, 1, 1.7, 10]) {
      for (const act of Object.values(activations)) {
        if (act.supSlope <= K && act.supCurvature <= K) expect(lemma21LipDh(act, K, K)).toBeLessThanOrEqual(lemma21Constant(K) * (1 + 1e-12));
      }
    }
  });

  it("activation constants are the sup norms of sigma, sigma', sigma'' (grid maximum within 1e-6, never above)", () => {
    for (const act of Object.values(activations)) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let z = -30; z <= 30; z += 1e-4) {
        const s = act.value(z);
        s0 = Math.max(s0, Math.abs(s));
        s1 = Math.max(s1, Math.abs(act.slopeFromValue(s)));
        s2 = Math.max(s2, Math.abs(act.curvatureFromValue(s)));
      }
      expect([s0, s1, s2].every((v, k) => v <= [act.supAbs, act.supSlope, act.supCurvature][k]!)).toBe(true);
      expect(s0).toBeGreaterThan(act.supAbs * (1 - 1e-6));
      expect(s1).toBeGreaterThan(act.supSlope * (1 - 1e-6));
      expect(s2).toBeGreaterThan(act.supCurvature * (1 - 1e-6));
    }
    for (const act of Object.values(activations)) {
      const z = Float64Array.from({ length: 41 }, (_, k) => (k - 20) * 0.9);
      const value = new Float64Array(41);
      const slope = new Float64Array(41);
      act.evaluate(z, value, slope, 41);
      expect(Array.from(value)).toEqual(Array.from(z, act.value));
      expect(Array.from(slope)).toEqual(Array.from(value, act.slopeFromValue));
      const fromValues = new Float64Array(39);
      act.slopes(value, 1, fromValues, 39); // offset 1, length 39: entries 1..39 only
      expect(Array.from(fromValues)).toEqual(Array.from(value.subarray(1, 40), act.slopeFromValue));
    }
    expect(activations.sigmoid.supCurvature).toBeCloseTo(1 / (6 * Math.sqrt(3)), 14);
    expect(activations.tanh.supCurvature).toBeCloseTo(4 / (3 * Math.sqrt(3)), 14);
  });
});

describe('mean-field net: construction', () => {
  it('symmetricInit mirrors the first half with a negated, weights in [-1/sqrt m, 1/sqrt m]', () => {
    const { a, U } = symmetricInit({ m: 10, d: 3, rng: createRng(11).uniform });
    for (let i = 0; i < 5; i++) {
      expect(a[i + 5]).toBe(-(a[i] as number));
      expect(U[i + 5]).toEqual(U[i]);
    }
    expect([...a, ...U.flat()].every((v) => Math.abs(v) <= 1 / Math.sqrt(10))).toBe(true);
  });

  it.each([
    ['odd m', () => symmetricInit({ m: 5, d: 1, rng: Math.random }), /^m=5 must be even/],
    ['rng out of range', () => symmetricInit({ m: 2, d: 1, rng: () => 1 }), /^rng\(\)=1 must be a number in \[0, 1\)/],
    ['unknown activation', () => meanFieldNet({ activation: 'relu' as 'tanh', x: [[1]], a: [1], U: [[1]] }), /^activation="relu" must be one of/],
    [
      'U rows of the wrong width',
      () => meanFieldNet({ activation: 'tanh', x: [[1, 2]], a: [1, 2], U: [[1, 2], [3]] }),
      /^U\[1\]=array\(length 1\) must be an array of length 2/,
    ],
    ['U with fewer rows than a', () => meanFieldNet({ activation: 'tanh', x: [[1]], a: [1, 2], U: [[1]] }), /^U=array\(length 1\) must be an array of 2 rows/],
    ['meanFieldA on a wrong-length w', () => meanFieldA(meanFieldNet({ activation: 'tanh', x: [[1]], a: [1], U: [[1]] }), new Float64Array(3)), /^w=/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(message);
  });
});
