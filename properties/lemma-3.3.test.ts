/**
 * lemma-3.3 — Lemma 3.3.
 * Statement: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(t) ||B|| for all A, B (p x n), t >= 0 (operator norms).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/lemma-3.3.ts (the registry).
 */
import { lemma33 } from '../src/statements/defs/lemma-3.3.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(lemma33);
