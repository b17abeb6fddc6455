/**
 * ntk-param — Sec. 2, last paragraph of the source: the NTK parametrization alpha = sqrt(m) of the mean-field net.
 * Statement: E(T) = O(T / sqrt(m)), i.e. E sqrt(m) / T stays bounded as m grows (the text: for T up to O(m)).
 * Hypotheses: symmetric initialization, y* = y / sqrt(n), no two inputs parallel (|cos| <= 0.99); cases are nested width ladders
 * m = 8, 32, 128, 512 with T up to the widest width. Readings: restored (Thm 1.2 + Lemma 2.1's m-uniform bound), trajectory
 * (the same with A(t) tracked), ladder (sup_t E sqrt(m) / t at the widest width <= sqrt(2) x its record at the narrower
 * ones); sanity mutant: the ladder on E m / m_0, the measured 1/m decay undone (an error that does not decrease with m).
 */
import { ntkParam } from '../src/statements/defs/ntk-param.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(ntkParam);
