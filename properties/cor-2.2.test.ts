/**
 * cor-2.2 — Cor. 2.2, eq. (12) of the source, on mean-field 2-layer nets (symmetric init, y* = y / sqrt(n)).
 * Statement: E(T) <= C min(T/alpha, 1) for T <= c alpha^2, with docs/theory.md's explicit C = max(6 K' R0, sqrt(8 R0))
 * and c = (K - A0)^2 / (m R0) (hypothesis (ii) read as sqrt(m) max_i |a_i| <= K on the ball). Each case is checked
 * at the smallest admissible K (the strongest instance), so the time limit holds by construction.
 * Readings: restored (K' = K^2 + K^4), explicit (K' = ||s'|| X + ||s''|| X^2 K); sanity mutant: C / 30.
 */
import { cor22 } from '../src/statements/defs/cor-2.2.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(cor22);
