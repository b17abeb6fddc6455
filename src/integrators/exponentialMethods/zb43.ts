import { defineExponentialMethod } from '../defineExponentialMethod.js';

/**
 * A 5-stage exponential Runge-Kutta 4(3) pair (nodes 0, 1/6, 1/2, 1/2, 1): the 3rd-order embedded solution is the
 * last stage (at c = 1), the 4th-order solution uses all five stages, 5 evaluations of g per step. Coefficients of
 * `E_RK43ZB` in the `triad` code of J. C. Bowman and co-workers (github.com/dealias/triad, `Exponential.h`), written
 * here as exact combinations of phi-functions (stage 3's and 4's coefficients expanded from that code's
 * intermediate sums). Checked by the test suite: classical orders 4 and 3 at L = 0 (rooted trees, 40 digits), row
 * sums A_i(z) = c_i phi_1(c_i z) and sum b_i(z) c_i^m / m! = phi_(m+1)(z) for m <= 2 at every z (exact for g
 * quadratic in time), and the observed order on a stiff semilinear problem.
 */
export const zb43 = defineExponentialMethod({
  name: 'zb43',
  order: 4,
  embeddedOrder: 3,
  c: ['0', '1/6', '1/2', '1/2', '1'],
  A: [
    [],
    [['1/6 phi1(1/6)']],
    [
      ['1/2 phi1(1/2)', '-3/2 phi2(1/2)', '-1/2 phi2(1/6)'],
      ['3/2 phi2(1/2)', '1/2 phi2(1/6)'],
    ],
    [
      ['-19/90 phi1(1)', '1/6 phi1(1/2)', '-1/3 phi1(1/6)', '-11/6 phi2(1/2)', '-41/18 phi2(1/6)', '-2/5 phi3(1/2)'],
      ['19/60 phi1(1)', '1/2 phi1(1/2)', '1/2 phi1(1/6)', '2 phi2(1/2)', '13/6 phi2(1/6)', '3/5 phi3(1/2)'],
      ['-19/180 phi1(1)', '-1/6 phi1(1/2)', '-1/6 phi1(1/6)', '-1/6 phi2(1/2)', '1/9 phi2(1/6)', '-1/5 phi3(1/2)'],
    ],
    [
      ['71/90 phi1(1)', '-1/3 phi1(1/2)', '-1/3 phi1(1/6)', '-8 phi2(1)', '-7/3 phi2(1/2)', '2/9 phi2(1/6)', '24 phi3(1)', '58/5 phi3(1/2)'],
      ['19/60 phi1(1)', '1/2 phi1(1/2)', '1/2 phi1(1/6)', '9 phi2(1)', '7/2 phi2(1/2)', '-1/3 phi2(1/6)', '-36 phi3(1)', '-87/5 phi3(1/2)'],
      ['-19/180 phi1(1)', '-1/6 phi1(1/2)', '-1/6 phi1(1/6)', '-2 phi2(1)', '-13/6 phi2(1/2)', '1/9 phi2(1/6)', '18 phi3(1)', '44/5 phi3(1/2)'],
      ['1 phi2(1)', '1 phi2(1/2)', '-6 phi3(1)', '-3 phi3(1/2)'],
    ],
  ],
  b: [
    ['1 phi1(1)', '-67/9 phi2(1)', '52/3 phi3(1)'],
    ['8 phi2(1)', '-24 phi3(1)'],
    ['-11/9 phi2(1)', '26/3 phi3(1)'],
    ['7/9 phi2(1)', '-10/3 phi3(1)'],
    ['-1/9 phi2(1)', '4/3 phi3(1)'],
  ],
  bHat: [
    ['71/90 phi1(1)', '-1/3 phi1(1/2)', '-1/3 phi1(1/6)', '-8 phi2(1)', '-7/3 phi2(1/2)', '2/9 phi2(1/6)', '24 phi3(1)', '58/5 phi3(1/2)'],
    ['19/60 phi1(1)', '1/2 phi1(1/2)', '1/2 phi1(1/6)', '9 phi2(1)', '7/2 phi2(1/2)', '-1/3 phi2(1/6)', '-36 phi3(1)', '-87/5 phi3(1/2)'],
    ['-19/180 phi1(1)', '-1/6 phi1(1/2)', '-1/6 phi1(1/6)', '-2 phi2(1)', '-13/6 phi2(1/2)', '1/9 phi2(1/6)', '18 phi3(1)', '44/5 phi3(1/2)'],
    ['1 phi2(1)', '1 phi2(1/2)', '-6 phi3(1)', '-3 phi3(1/2)'],
    [],
  ],
  midStage: 3,
  reference: 'E_RK43ZB in Exponential.h of github.com/dealias/triad (J. C. Bowman and co-workers); orders verified by the test suite',
});
