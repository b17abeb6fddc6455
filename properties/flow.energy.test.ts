/**
 * flow.energy — proof of (18).
 * Statement: R(alpha h(w(t))) is non-increasing and R0 - R(T) = alpha^2 int_0^T ||dw/dt||^2 dt (Gauss-Legendre over the mesh).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/flow.energy.ts (the registry).
 */
import { flowEnergy } from '../src/statements/defs/flow.energy.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(flowEnergy);
