import { defineExponentialMethod } from '../defineExponentialMethod.js';

/**
 * An 8-stage exponential Runge-Kutta pair of stiff order 5 with a 4th-order embedded solution (nodes 0, 1/2, 1/2,
 * 1/4, 1/2, 1/5, 2/3, 1): 8 evaluations of g per step. The propagated solution and the stages are `expRK5s8` of
 * V. T. Luan & A. Ostermann, "Explicit exponential Runge-Kutta methods of high order for parabolic problems",
 * J. Comput. Appl. Math. 256 (2014) 168-179 (stiff order 5: the stiff order conditions of Hochbruck & Ostermann,
 * Acta Numerica 19 (2010), Table 2.3, hold up to order 4, and those of order 5 in the paper's weakened form, with
 * b_i(0) in place of b_i(hL) in some of them), as Chebfun's `@exprk5s8/computeCoeffs.m` (H.
 * Montanelli) writes them: there c_i^k phi_k(c_i z) and the intermediate sums A64 and Phi are expanded here into
 * exact combinations of phi_k(gamma z), and the first column follows from the row sums A_i1 = c_i phi_1(c_i z) -
 * sum_(j>1) A_ij, b_1 = phi_1 - sum_(j>1) b_j. The method has no embedded solution of its own; the one here (ntk-check's)
 * is the exponential Simpson rule on the stages at c = 0, 1/2 (stage 5) and 1 (stage 8): bHat = (phi_1 - 3 phi_2 +
 * 4 phi_3, 4 phi_2 - 8 phi_3, -phi_2 + 4 phi_3), exact for g quadratic in time at every z and of classical order 4
 * (the two stages are of high enough order). Checked by the test suite: classical orders 5 and 4 at L = 0 (rooted
 * trees, 40 digits), row sums, the moment conditions sum_i b_i(z) c_i^m / m! = phi_(m+1)(z) for m <= 3 (b) and m <= 2
 * (bHat) at every z, the stage orders (psi_2 = 0 from stage 3 on, psi_3 = 0 from stage 5 on) and the weakened
 * order-5 condition sum_i b_i(0) psi_(4,i)(z) = 0 (`exprk5s8.test.ts`), and the observed order on a stiff semilinear
 * problem.
 */
export const exprk5s8 = defineExponentialMethod({
  name: 'exprk5s8',
  order: 5,
  embeddedOrder: 4,
  c: ['0', '1/2', '1/2', '1/4', '1/2', '1/5', '2/3', '1'],
  A: [
    [],
    [['1/2 phi1(1/2)']],
    [['1/2 phi1(1/2)', '-1/2 phi2(1/2)'], ['1/2 phi2(1/2)']],
    [['1/4 phi1(1/4)', '-1/8 phi2(1/4)'], [], ['1/8 phi2(1/4)']],
    [['1/2 phi1(1/2)', '-3/2 phi2(1/2)', '2 phi3(1/2)'], [], ['-1/2 phi2(1/2)', '2 phi3(1/2)'], ['2 phi2(1/2)', '-4 phi3(1/2)']],
    [['1/5 phi1(1/5)', '-6/25 phi2(1/5)', '16/125 phi3(1/5)'], [], [], ['8/25 phi2(1/5)', '-32/125 phi3(1/5)'], ['-2/25 phi2(1/5)', '16/125 phi3(1/5)']],
    [
      ['2/3 phi1(2/3)', '-28/9 phi2(2/3)', '-5/162 phi2(1/5)', '160/27 phi3(2/3)', '2/81 phi3(1/5)'],
      [],
      [],
      ['-20/81 phi2(1/5)', '16/81 phi3(1/5)'],
      ['-16/27 phi2(2/3)', '5/243 phi2(1/5)', '320/81 phi3(2/3)', '-4/243 phi3(1/5)'],
      ['100/27 phi2(2/3)', '125/486 phi2(1/5)', '-800/81 phi3(2/3)', '-50/243 phi3(1/5)'],
    ],
    [
      [
        '1 phi1(1)',
        '-17/2 phi2(1)',
        '-108/35 phi2(2/3)',
        '-3/14 phi2(1/5)',
        '41 phi3(1)',
        '144/5 phi3(2/3)',
        '3/5 phi3(1/5)',
        '-90 phi4(1)',
        '-576/7 phi4(2/3)',
        '-18/35 phi4(1/5)',
      ],
      [],
      [],
      [],
      [
        '-16/3 phi2(1)',
        '-288/35 phi2(2/3)',
        '-4/7 phi2(1/5)',
        '208/3 phi3(1)',
        '384/5 phi3(2/3)',
        '8/5 phi3(1/5)',
        '-240 phi4(1)',
        '-1536/7 phi4(2/3)',
        '-48/35 phi4(1/5)',
      ],
      [
        '250/21 phi2(1)',
        '360/49 phi2(2/3)',
        '25/49 phi2(1/5)',
        '-250/3 phi3(1)',
        '-480/7 phi3(2/3)',
        '-10/7 phi3(1/5)',
        '1500/7 phi4(1)',
        '9600/49 phi4(2/3)',
        '60/49 phi4(1/5)',
      ],
      [
        '27/14 phi2(1)',
        '972/245 phi2(2/3)',
        '27/98 phi2(1/5)',
        '-27 phi3(1)',
        '-1296/35 phi3(2/3)',
        '-27/35 phi3(1/5)',
        '810/7 phi4(1)',
        '5184/49 phi4(2/3)',
        '162/245 phi4(1/5)',
      ],
    ],
  ],
  b: [
    ['1 phi1(1)', '-15/2 phi2(1)', '28 phi3(1)', '-45 phi4(1)'],
    [],
    [],
    [],
    [],
    ['125/14 phi2(1)', '-625/14 phi3(1)', '1125/14 phi4(1)'],
    ['-27/14 phi2(1)', '162/7 phi3(1)', '-405/7 phi4(1)'],
    ['1/2 phi2(1)', '-13/2 phi3(1)', '45/2 phi4(1)'],
  ],
  bHat: [['1 phi1(1)', '-3 phi2(1)', '4 phi3(1)'], [], [], [], ['4 phi2(1)', '-8 phi3(1)'], [], [], ['-1 phi2(1)', '4 phi3(1)']],
  midStage: 4,
  reference:
    'expRK5s8 of Luan & Ostermann, J. Comput. Appl. Math. 256 (2014) 168-179 (coefficients as in Chebfun @exprk5s8/computeCoeffs.m); embedded exponential Simpson rule on stages 1, 5, 8 (ntk-check); orders verified by the test suite',
});
