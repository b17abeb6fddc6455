/**
 * lemma-3.3 — Lemma 3.3.
 * Statement: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(t) ||B|| for all A, B (p x n), t >= 0 (operator norms).
 * Hypotheses: none.
 * Readings, verdicts and the sanity mutant: src/statements/defs/lemma-3.3.ts (the registry).
 */
import { describe, expect, it } from 'vitest';
import { checkReading } from '../src/check/checkReading.js';
import { profileFromEnv, seedFromEnv } from '../src/check/profile.js';
import { lemma33 } from '../src/statements/defs/lemma-3.3.js';
import { statementSuite } from './_support/statementSuite.js';

statementSuite(lemma33);

describe('lemma-3.3 generator', () => {
  it('at least half of the cases do not commute: ||[S0, S1]|| / (||S0|| min(||S1||, ||S1 - S0||)) > 0.1, S0 = A^T A, S1 = (A+B)^T (A+B) (coverage label)', () => {
    const profile = profileFromEnv();
    const result = checkReading(lemma33, lemma33.readings[0]!, { runs: profile.runs, seed: seedFromEnv(), shrinkEvaluations: 0, worstCases: false });
    const counts = result.coverage.commutator ?? {};
    console.info(`[ntk-check] lemma-3.3 commutator coverage: ${JSON.stringify(counts)} of ${result.runs}`);
    expect(counts['non-commuting'] ?? 0).toBeGreaterThanOrEqual(result.runs / 2);
  });
});
