/** modelAtW0: h(w0) and lambda_max(K0) once per model object, checked like validateInstance's start of the flow. */
import { expect, test } from 'vitest';
import { quadraticModel } from '../models/quadratic.js';
import { scalarModel } from '../models/scalar.js';
import { modelAtW0 } from './modelAtW0.js';

/** The quadratic with h0 = (1, -2), Q_k = I and the given G (by default diag(3, 1) padded with a zero column). */
const model = (
  G: number[][] = [
    [3, 0, 0],
    [0, 1, 0],
  ],
) =>
  quadraticModel({
    h0: [1, -2],
    G,
    Q: [0, 1].map(() => [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]),
    w0: [0.5, 0.25, 0],
  });

test('h(w0) and lambda_max(K0) = lambda_max(G G^T) (here diag(9, 1)), the same object on the second call', () => {
  const q = model();
  const a = modelAtW0(q);
  expect(Array.from(a.h0)).toEqual(Array.from(q.value(q.w0, new Float64Array(2))));
  expect(a.lambdaMaxK0()).toBeCloseTo(9, 12);
  expect(modelAtW0(q)).toBe(a);
  // sanity mutant: another model with another G is not served from the cache
  const other = model([
    [1, 0, 0],
    [0, 1, 0],
  ]);
  expect(modelAtW0(other).lambdaMaxK0()).toBeCloseTo(1, 12);
});

test('a model that overflows at w0 is named, and the failure is not cached', () => {
  const q = scalarModel({ a: 1, b: 1e308, w0: 1e308 }); // h(w0) = a w0 + b w0^2 / 2 overflows
  expect(() => modelAtW0(q)).toThrow('model.value(w0)[0]');
  expect(() => modelAtW0(q)).toThrow('model.value(w0)[0]');
});
