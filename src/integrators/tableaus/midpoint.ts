import { defineTableau } from '../defineTableau.js';

/** Explicit midpoint rule (Runge 1895), order 2. Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.1, eq. (1.3). */
export const midpoint = defineTableau({
  name: 'midpoint',
  order: 2,
  c: ['0', '1/2'],
  A: [[], ['1/2']],
  b: ['0', '1'],
  reference: 'Runge (1895); Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.1',
});
