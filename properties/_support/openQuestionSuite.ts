import { describe, expect, it } from 'vitest';
import { loadErrata } from '../../src/check/errataDb.js';
import { profileFromEnv, seedFromEnv } from '../../src/check/profile.js';
import { QUESTIONS } from '../../src/explore/openQuestions.js';
import type { QuestionResult } from '../../src/explore/QuestionResult.js';

/**
 * One open question (src/explore) at the profile's size: the whole experiment, as `ntk-check explore Q` runs it. Runs
 * at NTK_PROFILE=ci and deep only (the quick report already runs it, and `npm test` stays cheap); a deep run shards
 * with the property suite (`npx vitest run properties --shard=i/N`). Replay with NTK_SEED=<seed>.
 */
export function openQuestionSuite(question: QuestionResult['question']): void {
  const profile = profileFromEnv();
  const quick = profile.name === 'quick' || profile.name === 'mutation';
  if (quick)
    console.info(`[ntk-check] open question '${question}' skipped at profile ${profile.name}: the quick report runs it (NTK_PROFILE=ci or deep runs it here)`);
  describe(`open question '${question}' (Sec. 4)`, () => {
    it.skipIf(quick)('runs to the end; every conjecture keeps a mutant refuted by its generator', () => {
      const seed = seedFromEnv();
      const result = QUESTIONS[question]({ profile, seed }, loadErrata());
      for (const t of result.tables) console.info(`[ntk-check] ${question} seed=${seed} ${t.caption}\n${t.rows.map((r) => r.join(' | ')).join('\n')}`);
      expect(result.mutantsRefuted).toBe(true);
    });
  });
}
