import type { Tableau } from '../Tableau.js';

/** Heun's method (order 2) with Euler embedded (order 1), no dense coefficients (test-only): the smallest adaptive pair. */
export const heunEuler: Tableau = {
  name: 'heunEuler',
  order: 2,
  c: ['0', '1'],
  A: [[], ['1']],
  b: ['1/2', '1/2'],
  bHat: ['1', '0'],
  embeddedOrder: 1,
  reference: 'test',
};
