import { defineTableau } from '../defineTableau.js';

/** Heun's method (explicit trapezoid rule), order 2. Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.1, Table 1.1. */
export const heun = defineTableau({
  name: 'heun',
  order: 2,
  c: ['0', '1'],
  A: [[], ['1']],
  b: ['1/2', '1/2'],
  reference: 'Heun (1900); Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.1',
});
