/**
 * eq-19 — eq. (19).
 * Statement: E(T) <= (4 sqrt(2) / 3) T^(3/2) Lip(h) Lip(Dh) R0 / alpha, constants on B(w0, sqrt(T R0) / alpha).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-19.ts (the registry).
 */
import { eq19 } from '../src/statements/defs/eq-19.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq19);
