/**
 * thm-3.2 — Thm. 3.2, eq. (20).
 * Statement: ||r'(T) - rbar(T)|| <= min(3 kappa sqrt(R0), sqrt(8 R0)).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/thm-3.2.ts (the registry).
 */
import { thm32 } from '../src/statements/defs/thm-3.2.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(thm32);
