/**
 * lemma-2.1 — Lemma 2.1, eq. (11) of the source, for the mean-field 2-layer net of eq. (8).
 * Statement: Lip(Dh) <= ||s'||_inf X + ||s''||_inf X^2 A on any convex set where sqrt(m) max_i |a_i| <= A
 * (X = max_j ||x_j||); with ||s'||, ||s''||, X, A <= K (our reading of hypothesis (ii)): Lip(Dh) <= K' = K^2 + K^4.
 * Checked on difference quotients ||Dh(v) - Dh(u)|| / ||v - u|| (lower estimates of Lip(Dh) on [u, v]) at random
 * and worst-case aligned pairs. Readings: restored (A over [u, v]), ball (the model's certified constant on
 * B(w0, rho)), K-prime; sanity mutant: the explicit bound halved.
 */
import { lemma21 } from '../src/statements/defs/lemma-2.1.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(lemma21);
