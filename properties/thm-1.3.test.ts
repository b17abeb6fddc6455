/**
 * thm-1.3 — Thm. 1.3, eq. (7) of the source.
 * Statement: on the converse model h(w) = w / sqrt(T) + Lip(Dh) w^2 / 2, w0 = 0, y* = sqrt(2 R0),
 * E(T) >= min(kappa sqrt(R0) / 5, sqrt(R0) / 5), over alpha 1e-3..1e6, T 1e-4..1e6, Lip(Dh) 1e-4..1e4, R0 1e-6..1e6.
 * Hypotheses: none. Readings: restored (holds), literal `min(kappa sqrt(R0)/5, R0/5)` (erratum); mutant: constant 1/2.
 * E is the decimal.js closed form (see also thm-1.3-precise.test.ts for the 50-digit checks and the tightness minimum).
 */
import { thm13 } from '../src/statements/defs/thm-1.3.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(thm13);
