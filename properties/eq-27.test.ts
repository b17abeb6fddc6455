/**
 * eq-27 — eq. (27).
 * Statement: r'(T) = exp(-K_T T) r(0) satisfies ||r'(T) - rbar(T)|| <= 2 kappa ||r(0)||.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-27.ts (the registry).
 */
import { eq27 } from '../src/statements/defs/eq-27.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq27);
