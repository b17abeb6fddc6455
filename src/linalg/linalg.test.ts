import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gram, identity, matMul, matTVec, matVec, norm2 } from './dense.js';
import { expmTaylor } from './expmTaylor.js';
import { opNorm } from './opNorm.js';
import { expDecay, phi } from './spectralFunctions.js';
import { symmetricEigen } from './symmetricEigen.js';
import { symmetricFunction, symmetricFunctionApply } from './symmetricFunction.js';

const maxAbsDiff = (x: Float64Array, y: Float64Array) => Math.max(...Array.from(x, (v, i) => Math.abs(v - (y[i] ?? 0))));

const symmetricPsd = (n: number) =>
  fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((a) => gram(Float64Array.from(a), n, n));

describe('symmetric matrix functions', () => {
  it('exp(-tS) from the eigendecomposition matches the scaled Taylor series', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), symmetricPsd(n), fc.double({ min: 0, max: 3, noNaN: true }))),
        ([n, S, t]) => {
          const viaEig = symmetricFunction(symmetricEigen(S, n), expDecay(t));
          expect(maxAbsDiff(viaEig, expmTaylor(S, n, t))).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('phi_t on a diagonal matrix is (1 - e^(-lambda t))/lambda entrywise, and t at lambda = 0', () => {
    const S = Float64Array.from([0, 0, 0, 0, 1e-12, 0, 0, 0, 5]);
    const out = symmetricFunction(symmetricEigen(S, 3), phi(2));
    expect(out[0]).toBe(2);
    expect(out[4]).toBeCloseTo(2 - 2e-12, 15);
    expect(out[8]).toBeCloseTo((1 - Math.exp(-10)) / 5, 15);
    expect(out[1]).toBe(0);
  });

  it('phi_t(S) S = I - exp(-tS) (the identity behind wbar)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), symmetricPsd(n), fc.double({ min: 0.01, max: 4, noNaN: true }))),
        ([n, S, t]) => {
          const eig = symmetricEigen(S, n);
          const lhs = matMul(symmetricFunction(eig, phi(t)), S, n);
          const rhs = identity(n).map((x, i) => x - (symmetricFunction(eig, expDecay(t))[i] ?? 0));
          expect(maxAbsDiff(lhs, rhs)).toBeLessThan(1e-9 * (1 + Math.max(...Array.from(S, Math.abs))));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applying f(S) to a vector equals f(S) times the vector', () => {
    const S = gram(Float64Array.from([1, 2, 0, -1, 3, 1, 0, 0.5, 2]), 3, 3);
    const eig = symmetricEigen(S, 3);
    const x = Float64Array.from([1, -2, 0.5]);
    const full = matVec(symmetricFunction(eig, expDecay(0.3)), 3, 3, x);
    expect(maxAbsDiff(symmetricFunctionApply(eig, expDecay(0.3), x), full)).toBeLessThan(1e-14);
  });

  it('symmetrizes before decomposing (a bitwise-asymmetric input is accepted)', () => {
    const S = Float64Array.from([2, 1 + 1e-16, 1, 2]);
    const { values } = symmetricEigen(S, 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });
});

describe('opNorm', () => {
  it('is the largest singular value: sqrt(lambda_max(M M^T)) and >= |M x| / |x|', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.infiniteStream(fc.double({ min: -3, max: 3, noNaN: true })),
        (rows, cols, stream) => {
          const draws = stream[Symbol.iterator]();
          const M = Float64Array.from({ length: rows * cols }, () => draws.next().value as number);
          const viaGram = Math.sqrt(Math.max(0, ...symmetricEigen(gram(M, rows, cols), rows).values));
          const s = opNorm(M, rows, cols);
          expect(Math.abs(s - viaGram)).toBeLessThan(1e-10 * (1 + s));
          const x = Float64Array.from({ length: cols }, () => draws.next().value as number);
          expect(norm2(matVec(M, rows, cols, x))).toBeLessThanOrEqual(s * norm2(x) * (1 + 1e-12) + 1e-300);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('matches known values', () => {
    expect(opNorm(Float64Array.from([3, 0, 0, -4]), 2, 2)).toBeCloseTo(4, 14);
    expect(opNorm(Float64Array.from([3, 4]), 1, 2)).toBe(5);
    expect(opNorm(Float64Array.from([1, 1, 1, 1, 1, 1]), 2, 3)).toBeCloseTo(Math.sqrt(6), 14);
  });
});

describe('dense kernels', () => {
  it('matTVec is the transpose of matVec: <Mx, y> = <x, M^T y>', () => {
    const M = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const x = Float64Array.from([1, -1, 2]);
    const y = Float64Array.from([0.5, 3]);
    const Mx = matVec(M, 2, 3, x);
    const MTy = matTVec(M, 2, 3, y);
    expect((Mx[0] ?? 0) * 0.5 + (Mx[1] ?? 0) * 3).toBeCloseTo(
      MTy.reduce((s, v, i) => s + v * (x[i] ?? 0), 0),
      12,
    );
  });
  it('norm2 does not overflow or underflow', () => {
    expect(norm2(Float64Array.from([3e300, 4e300]))).toBeCloseTo(5e300, -286);
    expect(norm2(Float64Array.from([3e-300, 4e-300]))).toBeCloseTo(5e-300, 310);
  });
});
