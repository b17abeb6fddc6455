import { expect, test } from 'vitest';
import { linearQuadratic } from './_testing/linearQuadratic.js';
import { scalarModel } from '../models/scalar.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import type { Instance } from './Instance.js';
import { validateInstance } from './validateInstance.js';

const model = linearQuadratic({
  h0: [0, 1],
  G: [
    [1, 0, 0],
    [0, 1, 0],
  ],
  w0: [0, 0, 0],
});
const ok: Instance = { model, yStar: Float64Array.of(1, 2), alpha: 1, T: 1 };

test('a valid instance is returned as is', () => {
  expect(validateInstance(ok)).toBe(ok);
});

test('each violation names its field', () => {
  expect(() => validateInstance({ ...ok, model: null as unknown as SmoothModel })).toThrow('model=null must be a SmoothModel');
  expect(() => validateInstance({ ...ok, model: 'quadratic' as unknown as SmoothModel })).toThrow('model="quadratic" must be a SmoothModel');
  expect(() => validateInstance({ ...ok, alpha: 0 })).toThrow('alpha=0 must be a finite number > 0');
  expect(() => validateInstance({ ...ok, T: Infinity })).toThrow('T=Infinity must be a finite number');
  expect(() => validateInstance({ ...ok, yStar: Float64Array.of(1, Number.NaN) })).toThrow('yStar[1]=NaN');
  expect(() => validateInstance({ ...ok, yStar: Float64Array.of(1) })).toThrow('yStar.length');
  const badW0 = { ...model, w0: Float64Array.of(0, Number.NaN, 0) } as unknown as SmoothModel;
  expect(() => validateInstance({ ...ok, model: badW0 })).toThrow('w0[1]=NaN');
  const shortW0 = { ...model, n: 2, p: 3, w0: Float64Array.of(0, 0) } as unknown as SmoothModel;
  expect(() => validateInstance({ ...ok, model: shortW0 })).toThrow('w0.length');
});

test('a model that overflows at w0 is named before any solve', () => {
  const scalar = (a: number, b: number, w0: number): SmoothModel => scalarModel({ a, b, w0 });
  const at = (m: SmoothModel, alpha = 1): Instance => ({ model: m, yStar: Float64Array.of(1), alpha, T: 1 });
  expect(() => validateInstance(at(scalar(1, 1e308, 1e308)))).toThrow('model.value(w0)[0]=Infinity must be finite');
  expect(() => validateInstance(at(scalar(1e308, 1e308, 1)))).toThrow('model.jacobian(w0)[0][0]=Infinity must be finite');
  expect(() => validateInstance(at(scalar(1e300, 0, 1), 1e10))).toThrow('r(0)[0] = yStar - alpha h(w0)=Infinity must be finite');
});
