/** Fixtures shared by the statement tests (not a test file: vitest collects only `*.test.ts`). */
import type { WidthLadder } from '../../arbitraries/WidthLadder.js';
import { meanFieldNet } from '../../src/models/meanField.js';
import type { MeanFieldModel } from '../../src/models/meanField.js';
import type { FlowQuantities } from '../../src/statements/flowQuantities.js';

/** A tanh mean-field net with m = 2 neurons on the two unit inputs of R^2 (n = 2), a = (0.4, -0.4). */
export function tanhNet2(): MeanFieldModel {
  return meanFieldNet({
    activation: 'tanh',
    x: [
      [1, 0],
      [0, 1],
    ],
    a: [0.4, -0.4],
    U: [
      [0.5, 0.1],
      [0.5, 0.1],
    ],
  });
}

/** A two-rung tanh width ladder (m = 2, 8) on two non-parallel inputs. */
export const twoWidthLadder: WidthLadder = {
  activation: 'tanh',
  x: [
    [1, 0],
    [0.6, 0.8],
  ],
  y: [1, -0.5],
  T: 2,
  widths: [2, 8],
  seed: 42,
};

/** Flow quantities with kappa = 0.25 < 1 (the kappa branch of Thm 1.2 binds). */
export const FLOW: FlowQuantities = {
  T: 4,
  alpha: 10,
  n: 2,
  R0: 4,
  r0: Math.sqrt(8),
  E: 0.5,
  rho: 0.4,
  lipDh: 3,
  lipH: 2,
  kappa: 0.25,
  weightChange: 0.3,
  linearWeightChange: 0.2,
  trajectoryRadius: 0.35,
  rScale: 7,
};
