import { expect, test } from 'vitest';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { solveRun } from '../../src/flow/Run.js';
import { activations } from '../../src/models/activation.js';
import { MeanFieldModel } from '../../src/models/meanField.js';
import { residualScale } from '../../src/statements/meanFieldRun.js';
import { ladderInstance, nonParallelInputs } from '../../arbitraries/WidthLadder.js';
import { tanhNet2, twoWidthLadder } from './fixtures.js';

const ladder = twoWidthLadder;

test('nonParallelInputs compares |cos| = |<x_j, x_k>| / (|x_j| |x_k|) with the limit for inputs of any length', () => {
  // x_0 = (2, 0), x_1 = (2, 2): <x_0, x_1> = 4, |x_0| |x_1| = 2 * 2 sqrt(2), cos = 0.7071.
  const x = [
    [2, 0],
    [2, 2],
  ];
  expect(nonParallelInputs({ ...ladder, x }, 0.8)).toBe(true);
  expect(nonParallelInputs({ ...ladder, x }, 0.7)).toBe(false);
  // Scaling an input changes no angle.
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [20, 0],
          [0.5, 0.5],
        ],
      },
      0.8,
    ),
  ).toBe(true);
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [20, 0],
          [0.5, 0.5],
        ],
      },
      0.7,
    ),
  ).toBe(false);
});

test('residualScale sums |a_i| over the m output weights only, not the first input weight after them', () => {
  // m = 2, d = 2: w = (a_0, a_1, u_00, u_01, u_10, u_11); ||a||_1 = 4 whatever the u entries.
  const model = tanhNet2();
  const run = solveRun({ model, yStar: Float64Array.of(0.3, -0.2), alpha: 0.5, T: 3 });
  const expected = Math.max(Math.sqrt(2 * run.R0), (0.5 * 4) / Math.SQRT2);
  expect(residualScale(run, Float64Array.of(3, -1, 50, 0, 0, 0))).toBeCloseTo(expected, 14);
  expect(residualScale(run, Float64Array.of(3, -1, 0, 0, 0, 0))).toBe(residualScale(run, Float64Array.of(3, -1, 50, 7, -7, 9)));
});

test('a ladder without inputs is rejected by name (input dimension d = 0), not with a TypeError', () => {
  const empty = { ...ladder, x: [], y: [] };
  expect(() => ladderInstance(empty, 0)).toThrow(NtkInputError);
  expect(() => ladderInstance(empty, 0)).toThrow('d=0 must be an integer in [1, 1048576]');
});

test('residualScale is proportional to sup|sigma| (an activation bounded by 2, not 1)', () => {
  const tanh = tanhNet2();
  // The same net, its activation declared with sup|sigma| = 2 (only the scale reads supAbs).
  const wide = new MeanFieldModel({ ...activations.tanh, supAbs: 2 }, tanh.x, tanh.n, tanh.d, tanh.w0, tanh.m);
  const run = solveRun({ model: wide, yStar: Float64Array.of(0.3, -0.2), alpha: 0.5, T: 3 });
  const w = Float64Array.of(3, -1, 0, 0, 0, 0);
  expect(residualScale(run, w)).toBeCloseTo(Math.max(Math.sqrt(2 * run.R0), (0.5 * 4 * 2) / Math.SQRT2), 14);
});
