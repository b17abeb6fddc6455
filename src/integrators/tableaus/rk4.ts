import { defineTableau } from '../defineTableau.js';

/** The classical Runge-Kutta method (Kutta 1901), order 4. Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.1, Table 1.2. */
export const rk4 = defineTableau({
  name: 'rk4',
  order: 4,
  c: ['0', '1/2', '1/2', '1'],
  A: [[], ['1/2'], ['0', '1/2'], ['0', '0', '1']],
  b: ['1/6', '1/3', '1/3', '1/6'],
  reference: 'Kutta (1901); Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.1, Table 1.2',
});
