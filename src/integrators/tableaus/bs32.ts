import { defineTableau } from '../defineTableau.js';

/**
 * Bogacki-Shampine 3(2) pair, FSAL, with the cubic Hermite interpolant as dense output (order 3).
 * P. Bogacki & L. F. Shampine, "A 3(2) pair of Runge-Kutta formulas", Appl. Math. Lett. 2 (1989) 321-325;
 * dense coefficients as scipy `RK23.P`.
 */
export const bs32 = defineTableau({
  name: 'bs32',
  order: 3,
  c: ['0', '1/2', '3/4', '1'],
  A: [[], ['1/2'], ['0', '3/4'], ['2/9', '1/3', '4/9']],
  b: ['2/9', '1/3', '4/9', '0'],
  bHat: ['7/24', '1/4', '1/3', '1/8'],
  embeddedOrder: 2,
  fsal: true,
  dense: {
    order: 3,
    P: [
      ['1', '-4/3', '5/9'],
      ['0', '1', '-2/3'],
      ['0', '4/3', '-8/9'],
      ['0', '-1', '1'],
    ],
  },
  reference: 'Bogacki & Shampine, Appl. Math. Lett. 2 (1989) 321-325',
});
