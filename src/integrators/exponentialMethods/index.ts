import type { ExponentialMethod } from '../ExponentialMethod.js';
import { exprk5s8 } from './exprk5s8.js';
import { zb43 } from './zb43.js';

/** Names of the built-in exponential methods. */
export type ExponentialMethodName = 'zb43' | 'exprk5s8';

/** The registry of built-in exponential Runge-Kutta pairs (frozen); every entry is checked by the test suite. */
export const exponentialMethods: Readonly<Record<ExponentialMethodName, ExponentialMethod>> = Object.freeze({ zb43, exprk5s8 });
