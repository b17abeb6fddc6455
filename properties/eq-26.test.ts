/**
 * eq-26 — eq. (26).
 * Statement: ||J(w(T)) - J0|| <= Lip(Dh) ||w(T) - w0|| <= Lip(Dh) sqrt(T R0) / alpha.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-26.ts (the registry).
 */
import { eq26 } from '../src/statements/defs/eq-26.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq26);
