import type { Tableau } from '../Tableau.js';
import { bs32 } from './bs32.js';
import { dop853 } from './dop853.js';
import { dopri5 } from './dopri5.js';
import { euler } from './euler.js';
import { heun } from './heun.js';
import { midpoint } from './midpoint.js';
import { rk4 } from './rk4.js';
import { tsit5 } from './tsit5.js';
import { vern6 } from './vern6.js';
import { vern7 } from './vern7.js';

/** Names of the built-in tableaus. */
export type TableauName = 'euler' | 'heun' | 'midpoint' | 'rk4' | 'bs32' | 'dopri5' | 'tsit5' | 'vern6' | 'vern7' | 'dop853';

/**
 * The registry of built-in explicit Runge-Kutta tableaus (frozen). Every entry is checked by the test suite:
 * order conditions at 40 digits for `b`, `bHat`, `bLow` and the dense extension (to the coefficients' `digits` where
 * they are decimal approximations), and the observed convergence order.
 */
export const tableaus: Readonly<Record<TableauName, Tableau>> = Object.freeze({ euler, heun, midpoint, rk4, bs32, dopri5, tsit5, vern6, vern7, dop853 });
