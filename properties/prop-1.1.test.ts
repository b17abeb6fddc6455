/**
 * prop-1.1 — Prop. 1.1, eq. (5).
 * Statement: (a) for T <= alpha rho / (Lip(h) sqrt(R0)): E(T) <= T Lip(h)^2 kappa sqrt(R0);
 * (b) for T <= alpha rho / (Lip(h) ||r(0)||): E(T) <= T^2 Lip(h)^2 Lip(Dh) ||r(0)||^2 / alpha. Reading (a) is refuted, (b) holds.
 * Hypotheses: the time limit of each reading, on the smallest admissible ball B(w0, rho).
 * Readings, verdicts and the sanity mutant: src/statements/defs/prop-1.1.ts (the registry).
 */
import { prop11 } from '../src/statements/defs/prop-1.1.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(prop11);
