/**
 * eq-25 — eq. (25).
 * Statement: the sharper constant of the proof: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(2t/e) ||B||.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-25.ts (the registry).
 */
import { eq25 } from '../src/statements/defs/eq-25.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq25);
