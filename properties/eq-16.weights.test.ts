/**
 * eq-16.weights — before eq. (16).
 * Statement: ||w(t) - w0|| <= t Lip(h) sqrt(2 R0) / alpha, Lip(h) on the ball the path has used up to t.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/eq-16.weights.ts (the registry).
 */
import { eq16Weights } from '../src/statements/defs/eq-16.weights.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(eq16Weights);
