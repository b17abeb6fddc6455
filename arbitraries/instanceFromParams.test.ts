import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opNorm } from '../src/linalg/opNorm.js';
import { lipDhLowerBound } from '../src/models/_testing/lipDhLowerBound.js';
import type { QuadraticModel } from '../src/models/quadratic.js';
import type { ScalarModel } from '../src/models/scalar.js';
import { createRng } from '../src/random/rng.js';
import { extremeEigenvector, instanceFromParams, modelEntryCount, type InstanceChoice, type InstanceParams } from './instanceFromParams.js';
import { instanceParamsArb } from './instanceParamsArb.js';

const SEED = 20231129;

/** The scales a point asks for: Lip(Dh) = kappa alpha / (T sqrt(R0)) and ||J0|| = g = sqrt(tau / T). */
function scales(point: InstanceParams): { lip: number; g: number; raw: readonly number[] } {
  const [alpha, T, R0, kappa, tau] = point.x as [number, number, number, number, number];
  return { lip: (kappa * alpha) / (T * Math.sqrt(R0)), g: Math.sqrt(tau / T), raw: point.x.slice(5) };
}

/**
 * A lower bound on ||Q||_sigma = max over unit x, y of sum_k y_k x^T Q_k x: x the top eigenvector of sum_k Q_k^2,
 * y = q / |q| with q_k = x^T Q_k x, giving |q|. For commuting slices x is a common eigenvector v_i of largest
 * |lambda_(., i)|, so |q| is the true constant (the alternating power method can stop at another v_i: a local maximum).
 */
function lowerAtTopEigenvector(model: QuadraticModel): number {
  const { n, p, Q } = model;
  const S = new Float64Array(p * p);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        for (let l = 0; l < p; l++) S[i * p + j] = (S[i * p + j] as number) + (Q[(k * p + i) * p + l] as number) * (Q[(k * p + l) * p + j] as number);
      }
    }
  }
  const x = extremeEigenvector(S, p, 'top');
  const q = Array.from({ length: n }, (_, k) => {
    let s = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += (x[i] as number) * (Q[(k * p + i) * p + j] as number) * (x[j] as number);
    return s;
  });
  return Math.hypot(...q);
}

/** Dekker's TwoProduct: x y = p + e exactly (no FMA in JS; Veltkamp splitting, valid away from overflow). */
function twoProduct(x: number, y: number): [number, number] {
  const split = (v: number): [number, number] => {
    const c = 134217729 * v; // 2^27 + 1
    const hi = c - (c - v);
    return [hi, v - hi];
  };
  const p = x * y;
  const [xh, xl] = split(x);
  const [yh, yl] = split(y);
  return [p, xh * yh - p + xh * yl + xl * yh + xl * yl];
}

describe('instanceParamsArb: raw entries', () => {
  it('are spread over [-1, 1], not concentrated at tiny magnitudes (fc.double spreads over exponents)', () => {
    const raw = fc
      .sample(instanceParamsArb(), { seed: SEED, numRuns: 300 })
      .flatMap((p) => p.x.slice(5))
      .map(Math.abs);
    const share = (t: number) => raw.filter((x) => x < t).length / raw.length;
    expect(raw.every((x) => x <= 1)).toBe(true);
    expect(share(1e-10)).toBeLessThan(0.05); // fc.double: ~0.89
    expect(share(0.5)).toBeLessThan(0.65); // uniform: 0.5 (fast-check biases some draws towards 0)
    expect(share(0.5)).toBeGreaterThan(0.35);
  });
});

describe('instanceFromParams: the scales of each family', () => {
  it("scalar: |h'(w0)| = sqrt(tau / T) to relative 1e-12 (float and exact slope), |b| = Lip(Dh), signs from raw[0], raw[1]", () => {
    const points = fc.sample(instanceParamsArb({ families: ['scalar'] }), { seed: SEED, numRuns: 2000 });
    let shifted = 0;
    for (const point of points) {
      const { lip, g, raw } = scales(point);
      const model = instanceFromParams(point).instance.model as ScalarModel;
      const w0 = model.w0[0] as number;
      const slope = model.jacobian(model.w0)[0] as number; // fl(a + fl(b w0)), what the solvers see
      expect(Math.abs(Math.abs(slope) - g), `h'(w0)=${slope} vs g=${g}`).toBeLessThanOrEqual(1e-12 * g);
      const [P, e] = twoProduct(model.b, w0);
      const exactSlope = model.a + P + e; // a + b w0 up to a rounding of the (small) result
      expect(Math.abs(Math.abs(exactSlope) - g)).toBeLessThanOrEqual(1e-12 * g);
      expect(Math.sign(slope)).toBe((raw[0] as number) < 0 ? -1 : 1);
      expect(model.b).toBe(((raw[1] as number) < 0 ? -1 : 1) * lip);
      expect(model.lipDh(Infinity)).toBe(lip);
      // w0 = raw[2], scaled by 1e3 g / lip where lip > 1e3 g (so |b w0| <= 1e3 g over the whole raw box).
      if (lip <= 1e3 * g) expect(w0).toBe(raw[2]);
      else {
        shifted++;
        expect(w0).toBe((raw[2] as number) * ((1e3 * g) / lip));
      }
      expect(Math.abs(model.b * w0)).toBeLessThanOrEqual(1e3 * g * (1 + 1e-15));
    }
    expect(shifted).toBeGreaterThan(0); // the cap is exercised at the default ranges...
    expect(shifted).toBeLessThan(0.3 * points.length); // ...but most points keep their w0
    // The horizon mixture: a third of the points at long horizons tau in [1e2, 1e4] (the exponential path).
    const tau = points.map((p) => p.x[4] as number);
    expect(Math.min(...tau)).toBeGreaterThanOrEqual(1e-3);
    expect(Math.max(...tau)).toBeLessThanOrEqual(1e4);
    const long = tau.filter((t) => t >= 1e2).length / tau.length;
    expect(long).toBeGreaterThan(0.28);
    expect(long).toBeLessThan(0.39);
  });

  it('quadratic, structured and commuting: ||G|| = sqrt(tau / T) and Lip(Dh) = kappa alpha / (T sqrt(R0)) to relative 1e-12', () => {
    const points = fc.sample(instanceParamsArb({ families: ['quadratic', 'structured', 'commuting'], maxN: 4, maxP: 6 }), { seed: SEED, numRuns: 200 });
    for (const point of points) {
      const { lip, g } = scales(point);
      const model = instanceFromParams(point).instance.model as QuadraticModel;
      expect(Math.abs(opNorm(model.G, model.n, model.p) - g)).toBeLessThanOrEqual(1e-12 * g);
      expect(Math.abs(model.lipDh(Infinity) - lip)).toBeLessThanOrEqual(1e-12 * lip);
    }
  });

  const point = (discrete: InstanceChoice, raw: (i: number) => number): InstanceParams => ({
    discrete,
    x: [
      2,
      0.5,
      3,
      0.7,
      4,
      ...Array.from({ length: modelEntryCount(discrete.n, discrete.p) }, (_, i) => raw(i)),
      ...Array.from({ length: discrete.n }, () => 0.5),
    ],
  });

  it.each(['quadratic', 'structured', 'commuting', 'scalar'] as const)('%s: all-zero raw entries (as shrinking produces) still meet the scales', (family) => {
    const scalarLike = family === 'scalar';
    const discrete: InstanceChoice = { family, direction: 'random', aligned: false, n: scalarLike ? 1 : 2, p: scalarLike ? 1 : 3 };
    const p = point(discrete, () => 0);
    const { lip, g } = scales(p);
    const model = instanceFromParams(p).instance.model;
    const J0 = model.jacobian(model.w0);
    expect(Math.abs(opNorm(J0, model.n, model.p) - g)).toBeLessThanOrEqual(1e-12 * g);
    expect(Math.abs(model.lipDh(Infinity) - lip)).toBeLessThanOrEqual(1e-12 * lip);
  });

  it('quadratic: raw entries near 1e-184 (a point given by hand) give Lip(Dh) = lip, not 1e-184 lip', () => {
    const discrete: InstanceChoice = { family: 'quadratic', direction: 'random', aligned: false, n: 1, p: 2 };
    for (const tiny of [1.1e-184, 5e-324]) {
      const p = point(discrete, (i) => (i < 2 ? 0.5 : tiny * (i % 2 === 0 ? 1 : -1)));
      const { lip } = scales(p);
      const model = instanceFromParams(p).instance.model;
      expect(Math.abs(model.lipDh(Infinity) - lip)).toBeLessThanOrEqual(1e-12 * lip);
    }
  });

  it('commuting: the slices commute, and the certified Lip(Dh) is the true constant (within 1e-9 of a lower bound) up to n = 8, p = 32', () => {
    const points = fc.sample(instanceParamsArb({ families: ['commuting'], maxN: 8, maxP: 32 }), { seed: SEED, numRuns: 40 });
    for (const drawn of points) {
      const model = instanceFromParams(drawn).instance.model as QuadraticModel;
      const { n, p, Q } = model;
      const slice = (k: number, i: number, j: number) => Q[(k * p + i) * p + j] as number;
      let commutator = 0;
      for (let k = 0; k + 1 < n; k++) {
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++) {
            let c = 0;
            for (let l = 0; l < p; l++) c += slice(k, i, l) * slice(k + 1, l, j) - slice(k + 1, i, l) * slice(k, l, j);
            commutator = Math.max(commutator, Math.abs(c));
          }
        }
      }
      const certified = model.lipDh(Infinity);
      expect(commutator).toBeLessThanOrEqual(1e-12 * certified * certified);
      const lower = lowerAtTopEigenvector(model);
      expect(lower).toBeLessThanOrEqual(certified);
      expect(certified / lower).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it.each(['quadratic', 'commuting'] as const)(
    '%s at n = 8, p = 32: certified Lip(Dh) over a lower bound (dense slices: loose; commuting: exact)',
    (family) => {
      const ratios = [1, 2, 3].map((seed) => {
        const rng = createRng(seed);
        const model = instanceFromParams(point({ family, direction: 'random', aligned: false, n: 8, p: 32 }, () => 2 * rng.uniform() - 1)).instance
          .model as QuadraticModel;
        return model.lipDh(Infinity) / (family === 'commuting' ? lowerAtTopEigenvector(model) : lipDhLowerBound(model));
      });
      for (const ratio of ratios) {
        if (family === 'commuting') expect(ratio).toBeLessThanOrEqual(1 + 1e-9);
        else expect(ratio).toBeGreaterThan(1.3); // docs/lip-dh.md: median 1.59 for dense random slices at this shape
      }
    },
  );
});
