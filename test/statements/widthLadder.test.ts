import { expect, test } from 'vitest';
import { MeanFieldModel } from '../../src/models/meanField.js';
import { ladderInstance, nonParallelInputs } from '../../arbitraries/WidthLadder.js';
import { describeWidthLadder, reviveWidthLadder } from '../../src/statements/widthLadderJson.js';
import { twoWidthLadder } from './fixtures.js';

const ladder = twoWidthLadder;

test('each rung: the width-m net from the symmetric init (h(w0) = 0), y* = y / sqrt(n), alpha = sqrt(m), horizon T', () => {
  const narrow = ladderInstance(ladder, 0);
  const wide = ladderInstance(ladder, 1);
  expect(wide.model).toBeInstanceOf(MeanFieldModel);
  expect([narrow.model.p, wide.model.p]).toEqual([2 + 2 * 2, 8 + 8 * 2]);
  expect([narrow.alpha, wide.alpha, wide.T]).toEqual([Math.SQRT2, Math.sqrt(8), 2]);
  expect(Array.from(wide.yStar)).toEqual([1 / Math.SQRT2, -0.5 / Math.SQRT2]);
  expect(Array.from(wide.model.value(wide.model.w0))).toEqual([0, 0]);
  // Nested rungs: the first raw draw is shared, scaled by 1/sqrt(m) (a_0 of the narrow net is a_0 of the wide one times 2).
  expect(narrow.model.w0[0]! / wide.model.w0[0]!).toBeCloseTo(2, 12);
});

test('nonParallelInputs: |cos| of every pair below the limit, and no zero input', () => {
  expect(nonParallelInputs(ladder, 0.9)).toBe(true); // cos = 0.6
  expect(nonParallelInputs(ladder, 0.5)).toBe(false);
  expect(nonParallelInputs(ladder, 0.6)).toBe(true); // |cos| <= limit is allowed
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [1, 0],
          [-2, 0],
        ],
      },
      0.99,
    ),
  ).toBe(false); // antiparallel
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [0, 0],
          [1, 0],
        ],
      },
      0.99,
    ),
  ).toBe(false);
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      },
      0.8,
    ),
  ).toBe(true); // cos = 0.707
  expect(
    nonParallelInputs(
      {
        ...ladder,
        x: [
          [1, 0],
          [0, 1],
          [1, 0.1],
        ],
      },
      0.8,
    ),
  ).toBe(false); // the last pair is parallel
});

test('describe/revive round-trip; revive validates every field', () => {
  const d = JSON.parse(JSON.stringify(describeWidthLadder(ladder))) as Record<string, unknown>;
  expect(d).toEqual({
    activation: 'tanh',
    x: [
      [1, 0],
      [0.6, 0.8],
    ],
    y: [1, -0.5],
    T: 2,
    widths: [2, 8],
    seed: 42,
  });
  expect(reviveWidthLadder(d)).toEqual(ladder);
  expect(() => reviveWidthLadder(null)).toThrow('case=null must be an object');
  for (const widths of [[2], [4, 2], [2, 3], [2, 2], 'x']) expect(() => reviveWidthLadder({ ...d, widths })).toThrow('case.widths');
  expect(() => reviveWidthLadder({ ...d, widths: [1, 2] })).toThrow('case.widths[0]=1 must be an integer in [2, 1048576]');
  expect(() => reviveWidthLadder({ ...d, activation: 'relu' })).toThrow('case.activation');
  expect(() => reviveWidthLadder({ ...d, y: [1] })).toThrow('case.y');
  expect(() => reviveWidthLadder({ ...d, T: 0 })).toThrow('case.T=0 must be a finite number > 0');
  expect(() => reviveWidthLadder({ ...d, seed: -1 })).toThrow('case.seed=-1 must be an integer in [0, 4294967295]');
  expect(() => reviveWidthLadder({ ...d, x: 'x' })).toThrow('case.x');
});
