import { defineTableau } from '../defineTableau.js';

/** Explicit (forward) Euler, order 1. Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. I.7 and II.1. */
export const euler = defineTableau({
  name: 'euler',
  order: 1,
  c: ['0'],
  A: [[]],
  b: ['1'],
  reference: 'Euler (1768); Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.1',
});
