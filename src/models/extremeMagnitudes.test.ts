import { describe, expect, it } from 'vitest';
import { add, jacobianLipschitzRatio, jacobianNorm, randomVector } from './_testing/modelChecks.js';
import { boundProduct, powerOfTwoScale, timesPowerOfTwo } from './_internals/certified.js';
import { activations } from './activation.js';
import { lemma21LipDh } from './lemma21.js';
import { meanFieldNet } from './meanField.js';
import { quadraticModel, type QuadraticModel } from './quadratic.js';
import { scalarModel } from './scalar.js';
import { structuredQuadratic } from './structuredQuadratic.js';
import { createRng } from '../random/rng.js';

/**
 * Certified constants of models whose entries are finite but extreme (1e-200 .. 1e+200): a square that underflows to 0
 * must not make a constant 0 (a false certificate), one that overflows must not make it Infinity (or throw).
 */

/** A quadratic model (n = 2, p = 3) with every G and Q entry of magnitude ~`gScale` / ~`qScale`, fixed signs. */
function extremeQuadratic(gScale: number, qScale: number): QuadraticModel {
  const q = (x: number) => x * qScale;
  return quadraticModel({
    h0: [0, 0],
    G: [
      [1.1 * gScale, -0.7 * gScale, 0.3 * gScale],
      [0.2 * gScale, 0.9 * gScale, -1.3 * gScale],
    ],
    Q: [
      [
        [q(1.1), q(-0.4), q(0.6)],
        [q(-0.4), q(0.8), q(0.1)],
        [q(0.6), q(0.1), q(-1.2)],
      ],
      [
        [q(-0.3), q(0.9), q(0.2)],
        [q(0.9), q(0.5), q(-0.7)],
        [q(0.2), q(-0.7), q(1.4)],
      ],
    ],
    w0: [0.1, -0.2, 0.3],
  });
}

/** The largest sampled ratio |J(u) - J(v)| / |u - v| minus its float slack, over random pairs and the axis pairs. */
function sampledLipDh(model: QuadraticModel, seed: number): number {
  const rng = createRng(seed).uniform;
  let worst = 0;
  for (let s = 0; s < 40; s++) {
    const u = add(model.w0, randomVector(rng, model.p, 1 + rng()));
    const v = add(model.w0, randomVector(rng, model.p, 1 + rng()));
    const { ratio, slack } = jacobianLipschitzRatio(model, u, v);
    worst = Math.max(worst, ratio - slack);
  }
  return worst;
}

describe('certified constants at extreme magnitudes', () => {
  it.each([
    ['Q ~ 1e-184, G = 0', 0, 1.1e-184],
    ['Q ~ 1e-200, G ~ 1e-200', 1e-200, 1e-200],
    ['Q ~ 1e+150, G ~ 1', 1, 1e150],
    ['Q ~ 1e+200, G ~ 1e+200', 1e200, 1e200],
  ])('quadratic, %s: lipDh and lipH are positive, finite and above every sampled ratio', (_label, gScale, qScale) => {
    const model = extremeQuadratic(gScale, qScale);
    const lipDh = model.lipDh(Infinity);
    expect(lipDh).toBeGreaterThan(0);
    expect(Number.isFinite(lipDh)).toBe(true);
    const sampled = sampledLipDh(model, 7);
    expect(sampled).toBeGreaterThan(0);
    expect(lipDh).toBeGreaterThanOrEqual(sampled);
    // Not vacuous either: within the Frobenius factor sqrt(n) of the sampled ratio.
    expect(lipDh).toBeLessThanOrEqual(sampled * Math.SQRT2 * 2);
    // lipH(rho) >= |J(w)| on the ball, and >= ||G|| > 0 when G != 0.
    const rho = 2;
    const lipH = model.lipH(rho);
    expect(Number.isFinite(lipH)).toBe(true);
    if (gScale > 0) expect(lipH).toBeGreaterThanOrEqual(jacobianNorm(model, model.w0));
    const rng = createRng(11).uniform;
    for (let s = 0; s < 20; s++) expect(jacobianNorm(model, add(model.w0, randomVector(rng, model.p, rho)))).toBeLessThanOrEqual(lipH);
  });

  it('quadratic, scaling is exact: the bound of Q 2^-600 is the bound of Q times 2^-600', () => {
    const unit = extremeQuadratic(1, 1);
    const tiny = extremeQuadratic(2 ** -600, 2 ** -600);
    expect(tiny.lipDh(Infinity)).toBe(unit.lipDh(Infinity) * 2 ** -600);
    expect(tiny.lipH(0)).toBe(unit.lipH(0) * 2 ** -600);
  });

  it('structured quadratic with lambda ~ 1e-184 and 1e+200: lipDh = ||lambda|| > 0, finite', () => {
    for (const scale of [1e-184, 1e200]) {
      const model = structuredQuadratic({
        h0: [0, 0],
        G: [
          [scale, 0],
          [0, scale],
        ],
        lambda: [3 * scale, -4 * scale],
        v: [0.6, 0.8],
        w0: [0, 0],
      });
      expect(model.lipDh(Infinity) / (5 * scale)).toBeCloseTo(1, 12);
      expect(model.lipDh(Infinity)).toBeGreaterThanOrEqual(5 * scale);
      expect(Number.isFinite(model.lipH(1))).toBe(true);
      expect(model.lipH(1)).toBeGreaterThanOrEqual(scale);
    }
  });

  it('scalar: lipH bounds |a + b w0| when a and b w0 cancel, and stays finite when b w0 overflows but the slope does not', () => {
    // b = 2^60 + 2^8, w0 = 3/4: b w0 = 3 2^58 + 192 exactly, which rounds (tie to even) to P = 3 2^58 + 256. With a = -P
    // the float slope a + fl(b w0) is 0 (a relative roundUp of it stays 0) while the exact slope is |a + b w0| = 64.
    const b = 2 ** 60 + 2 ** 8;
    const P = b * 0.75;
    expect(BigInt(P) - (BigInt(b) * 3n) / 4n).toBe(64n);
    const cancel = scalarModel({ a: -P, b, w0: 0.75 });
    expect(cancel.a + cancel.b * 0.75).toBe(0);
    expect(cancel.lipH(0)).toBeGreaterThanOrEqual(64);
    expect(cancel.lipH(0)).toBeLessThanOrEqual(1024); // eps |P| ~ 192, not vacuous
    const huge = scalarModel({ a: -1.5e308, b: 1e308, w0: 1.75 }); // b w0 = 1.75e308 overflows; a + b w0 = 2.5e307
    expect(huge.lipH(0) / 2.5e307).toBeCloseTo(1, 12);
    expect(huge.lipH(0)).toBeGreaterThanOrEqual(2.5e307);
  });

  it('mean-field: Lemma 2.1 constant is Infinity for rho = Infinity with tiny inputs, and lipH is finite for huge inputs', () => {
    // X = 1e-200: X^2 underflows, but X^2 A = Infinity for A = Infinity and 1e-200 * 1e-200 * 1e300 = 1e-100 for A = 1e300.
    expect(lemma21LipDh(activations.sigmoid, 1e-200, Infinity)).toBe(Infinity);
    expect(lemma21LipDh(activations.tanh, 1e-200, 1e300)).toBeGreaterThanOrEqual(1e-200 + (4 / (3 * Math.sqrt(3))) * 1e-100);
    // X = 1e+200 and A = 1e-300: X^2 overflows, ||s'|| X + ||s''|| X^2 A = 1e200 + 0.77e100 does not.
    expect(lemma21LipDh(activations.tanh, 1e200, 1e-300) / 1e200).toBeCloseTo(1, 12);
    const tiny = meanFieldNet({
      activation: 'tanh',
      x: [
        [1e-200, 0],
        [0, 1e-200],
      ],
      a: [0.5, -0.5],
      U: [
        [1, 2],
        [1, 2],
      ],
    });
    expect(tiny.lipDh(Infinity)).toBe(Infinity);
    expect(tiny.lipDh(1)).toBeGreaterThan(0);
    const huge = meanFieldNet({
      activation: 'sigmoid',
      x: [[1e200, 0]],
      a: [0.5, -0.5],
      U: [
        [1e-300, 0],
        [1e-300, 0],
      ],
    });
    const lipH = huge.lipH(1);
    expect(Number.isFinite(lipH)).toBe(true);
    // ||Dh|| at w0 >= the u-part of the gradient of the first neuron: |a_1| sigma'(z) |x| with z ~ 1e-100 (sigma' = 1/4).
    expect(lipH).toBeGreaterThanOrEqual(0.5 * 0.25 * 1e200);
    expect(jacobianNorm(huge, huge.w0)).toBeLessThanOrEqual(lipH);
  });

  it('helpers: boundProduct avoids spurious under/overflow; powerOfTwoScale; timesPowerOfTwo rounds up below 2^-1022', () => {
    expect(boundProduct(1e-200, 1e-200, 1e300)).toBeCloseTo(1e-100, 110);
    expect(boundProduct(1e200, 1e200, 1e-300) / 1e100).toBeCloseTo(1, 12);
    expect(boundProduct(0, Infinity)).toBe(0);
    expect(boundProduct(1e-200, Infinity)).toBe(Infinity);
    expect(boundProduct(1e-200, 1e-200)).toBeGreaterThan(0); // exact 1e-400 is not representable: pushed up, never 0
    expect(powerOfTwoScale([0, -3, 1])).toBe(4);
    expect(powerOfTwoScale([1.7976931348623157e308])).toBe(2 ** 1023);
    expect(powerOfTwoScale([5e-324])).toBe(5e-324);
    expect(powerOfTwoScale([0, 0])).toBe(0);
    expect(timesPowerOfTwo(2 ** -1074, 1.5)).toBeGreaterThanOrEqual(1.5 * 2 ** -1074); // 1.5 * 2^-1074 rounds to 2^-1073 (even) or up
    expect(timesPowerOfTwo(2 ** -1074, 0.75)).toBeGreaterThan(0);
    expect(timesPowerOfTwo(2 ** 10, 3)).toBe(3072);
  });
});
