/**
 * eq-15 — eq. (15).
 * Statement: d/dt ||r - rbar|| <= ||K_t - K0|| ||r|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0), constants on B(w0, ||w(t) - w0||).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-15.ts (the registry).
 */
import { eq15 } from '../src/statements/defs/eq-15.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq15);
