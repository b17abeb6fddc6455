import { expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { kappa } from './kappa.js';

test('kappa = T Lip(Dh) sqrt(R0) / alpha', () => {
  expect(kappa(2, 3, 16, 4)).toBe(6);
  expect(kappa(0, 3, 16, 4)).toBe(0);
  expect(kappa(2, 0.5, 0.25, 0.1)).toBeCloseTo(5, 14);
});

test('each argument is validated by name; an overflowing kappa is reported, never returned as Infinity', () => {
  expect(() => kappa(-1, 1, 1, 1)).toThrow('T=-1 must be a finite number >= 0');
  expect(() => kappa(1, Number.NaN, 1, 1)).toThrow('lipDh=NaN must be a finite number');
  expect(() => kappa(1, 1, -4, 1)).toThrow('R0=-4 must be a finite number >= 0');
  expect(() => kappa(1, 1, 1, 0)).toThrow('alpha=0 must be a finite number > 0');
  expect(() => kappa(1e200, 1e200, 1, 1)).toThrow(NtkInputError);
  expect(() => kappa(1e200, 1e200, 1, 1)).toThrow('kappa=Infinity must be a finite number');
});
