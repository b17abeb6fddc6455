/**
 * prop-3.1 — Prop. 3.1, eqs. (17)-(18).
 * Statement: ||w(T) - w0|| <= sqrt(T R0) / alpha and ||wbar(T) - w0|| <= sqrt(T R0) / alpha.
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/prop-3.1.ts (the registry).
 */
import { prop31 } from '../src/statements/defs/prop-3.1.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(prop31);
