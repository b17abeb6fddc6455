/**
 * thm-1.2 — Thm. 1.2, eq. (6) of the source (tight conditions for the NTK approximation).
 * Statement: for T <= alpha^2 rho^2 / R0, E(T) = ||alpha h(w(T)) - alpha hbar(wbar(T))|| <= min(6 kappa sqrt(R0), sqrt(8 R0)),
 * kappa = T Lip(Dh) sqrt(R0) / alpha, Lip(Dh) certified on B(w0, rho), rho = sqrt(T R0) / alpha.
 * Readings: restored (holds), literal `min(6 kappa sqrt(R0), 8 R0)` (erratum); sanity mutant: kappa^2.
 */
import { thm12 } from '../src/statements/defs/thm-1.2.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(thm12);
