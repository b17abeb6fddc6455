/**
 * eq-14 — eq. (14).
 * Statement: d/dt ||r - rbar||^2 = -2 <r - rbar, K_t r - K0 rbar> <= -2 <r - rbar, (K_t - K0) r>, at sample points of the trajectory.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-14.ts (the registry).
 */
import { eq14 } from '../src/statements/defs/eq-14.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq14);
