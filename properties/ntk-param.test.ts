/**
 * ntk-param — Sec. 2, last paragraph of the source: the NTK parametrization alpha = sqrt(m) of the mean-field net.
 * Statement: E(T) = O(T / sqrt(m)), i.e. E sqrt(m) / T stays bounded as m grows (the text: for T up to O(m)).
 * Hypotheses: symmetric initialization, y* = y / sqrt(n), no two inputs parallel (|cos| <= 0.99); cases are nested width ladders m_0, 4 m_0, 16 m_0 with
 * T up to the widest width. Readings: restored (Thm 1.2 + Lemma 2.1's m-uniform bound), trajectory (the same with
 * A(t) tracked), ladder (sup_t E sqrt(m) / t at the widest width <= 2x its record at the narrower ones); sanity mutant: E = O(T / m^(3/2)).
 */
import { ntkParam } from '../src/statements/defs/ntk-param.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(ntkParam);
