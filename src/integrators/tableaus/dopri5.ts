import { defineTableau } from '../defineTableau.js';

/**
 * Dormand-Prince 5(4) pair, FSAL (7 stages, 6 evaluations per step), with the quartic continuous extension of
 * Shampine (1986) used by Hairer & Wanner's DOPRI5 code (its `d` coefficients are the last column of `P`).
 * J. R. Dormand & P. J. Prince, "A family of embedded Runge-Kutta formulae", J. Comput. Appl. Math. 6 (1980)
 * 19-26; L. F. Shampine, "Some practical Runge-Kutta formulas", Math. Comp. 46 (1986) 135-150;
 * Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.5 (Table 5.2) and II.6. P as scipy `RK45.P`.
 */
export const dopri5 = defineTableau({
  name: 'dopri5',
  order: 5,
  c: ['0', '1/5', '3/10', '4/5', '8/9', '1', '1'],
  A: [
    [],
    ['1/5'],
    ['3/40', '9/40'],
    ['44/45', '-56/15', '32/9'],
    ['19372/6561', '-25360/2187', '64448/6561', '-212/729'],
    ['9017/3168', '-355/33', '46732/5247', '49/176', '-5103/18656'],
    ['35/384', '0', '500/1113', '125/192', '-2187/6784', '11/84'],
  ],
  b: ['35/384', '0', '500/1113', '125/192', '-2187/6784', '11/84', '0'],
  bHat: ['5179/57600', '0', '7571/16695', '393/640', '-92097/339200', '187/2100', '1/40'],
  embeddedOrder: 4,
  fsal: true,
  dense: {
    order: 4,
    P: [
      ['1', '-8048581381/2820520608', '8663915743/2820520608', '-12715105075/11282082432'],
      ['0', '0', '0', '0'],
      ['0', '131558114200/32700410799', '-68118460800/10900136933', '87487479700/32700410799'],
      ['0', '-1754552775/470086768', '14199869525/1410260304', '-10690763975/1880347072'],
      ['0', '127303824393/49829197408', '-318862633887/49829197408', '701980252875/199316789632'],
      ['0', '-282668133/205662961', '2019193451/616988883', '-1453857185/822651844'],
      ['0', '40617522/29380423', '-110615467/29380423', '69997945/29380423'],
    ],
  },
  reference: 'Dormand & Prince, J. Comput. Appl. Math. 6 (1980) 19-26; dense output: Shampine, Math. Comp. 46 (1986) 135-150',
});
