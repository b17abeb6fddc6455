import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarModelArb } from '../../arbitraries/scalarModelArb.js';
import { finiteDifferenceJacobian, jacobianLipschitzRatio, relativeError } from './_testing/modelChecks.js';
import { converseModel, scalarModel } from './scalar.js';

describe('scalar model h(w) = a w + b w^2 / 2', () => {
  it('J = a + b w matches central differences; vjp = J r; |b| is attained and lipH bounds |J| on the ball', () => {
    fc.assert(
      fc.property(
        fc.oneof(scalarModelArb(), scalarModelArb({ converse: true })),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (model, t, rho) => {
          const w = Float64Array.of((model.w0[0] as number) + t * rho);
          expect(relativeError(finiteDifferenceJacobian(model, w), model.jacobian(w), 1e-8)).toBeLessThan(1e-6);
          expect(model.vjp(w, Float64Array.of(3))[0]).toBe((model.jacobian(w)[0] as number) * 3);
          const ends = [-rho, rho].map((s) => Float64Array.of((model.w0[0] as number) + s));
          const [lo, hi] = ends as [Float64Array, Float64Array];
          const { ratio, slack } = jacobianLipschitzRatio(model, hi, lo);
          expect(Math.abs(ratio - model.lipDh(rho))).toBeLessThanOrEqual(1e-9 * model.lipDh(rho) + slack);
          expect(model.lipDhIsExact).toBe(true);
          for (const e of ends) expect(Math.abs(model.jacobian(e)[0] as number)).toBeLessThanOrEqual(model.lipH(rho) * (1 + 1e-12));
          expect(Math.max(...ends.map((e) => Math.abs(model.jacobian(e)[0] as number)))).toBeGreaterThanOrEqual(model.lipH(rho) * (1 - 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('evaluates in absolute w and keeps w0', () => {
    const model = scalarModel({ a: 2, b: -3, w0: 0.5 });
    expect(model.value(Float64Array.of(2))[0]).toBe(4 - 6);
    expect(model.jacobian(Float64Array.of(2))[0]).toBe(-4);
    expect(model.w0[0]).toBe(0.5);
    expect(model.lipH(1)).toBeCloseTo(0.5 + 3, 14);
    expect(model.lipH(Infinity)).toBe(Infinity);
    expect(scalarModel({ a: 2, b: 0, w0: 1 }).lipH(Infinity)).toBeCloseTo(2, 14);
  });

  it('converseModel: a = 1/sqrt(T), b = lip, w0 = 0, records (T, lip)', () => {
    const model = converseModel({ T: 4, lip: 0.25 });
    expect([model.a, model.b, model.w0[0]]).toEqual([0.5, 0.25, 0]);
    expect(model.converse).toEqual({ T: 4, lip: 0.25 });
    expect(model.lipDh(Infinity)).toBe(0.25);
    expect(() => converseModel({ T: 0, lip: 1 })).toThrow(/^T=0 must be a finite number > 0/);
    expect(() => converseModel({ T: 1, lip: -1 })).toThrow(/^lip=-1 must be a finite number >= 0/);
    expect(() => scalarModel({ a: Number.NaN, b: 0, w0: 0 })).toThrow(/^a=NaN must be a finite number/);
  });
});
