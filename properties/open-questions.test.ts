/**
 * The open questions' conjectures (src/explore; expectation 'open'): each one's sanity mutant must be refuted by the
 * conjecture's own generator, and a refuted conjecture's counterexample — as `ntk-check errata --write` stores it —
 * must replay as a certified violation. Replay with NTK_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import { checkReading } from '../src/check/checkReading.js';
import { judge } from '../src/check/judge.js';
import { PROFILES, seedFromEnv } from '../src/check/profile.js';
import { collectOpenErrata, OPEN_CONJECTURES } from '../src/explore/openConjectures.js';

/** Mutants fall within a few cases; 25 runs keep this file cheap at every profile. */
const MUTANT_RUNS = 25;

describe('open conjectures (Sec. 4)', () => {
  const seed = seedFromEnv();
  for (const statement of OPEN_CONJECTURES) {
    it(`${statement.id}: sanity mutant refuted by the same generator (${statement.mutant.formula})`, () => {
      const result = checkReading(statement, statement.mutant, { runs: MUTANT_RUNS, seed, shrinkEvaluations: 0, worstCases: false });
      expect(result.verdict, `${statement.id} mutant, seed ${seed}`).toBe('refuted');
    });
    it(`${statement.id}: every reading is open (never a failing expectation)`, () => {
      expect(statement.readings.map((r) => r.expected)).toEqual(statement.readings.map(() => 'open'));
    });
  }

  it('GD-1 and GD-2 are refuted, and their stored counterexamples replay as certified violations', () => {
    const errata = collectOpenErrata({ ...PROFILES.mutation, runs: 10, shrinkEvaluations: 30 }, seed);
    for (const id of ['GD-1', 'GD-2']) {
      const statement = OPEN_CONJECTURES.find((s) => s.id === id);
      const stored = errata[id]?.conjecture;
      expect(stored, `${id} refuted at seed ${seed}`).toBeDefined();
      if (statement === undefined || stored === undefined) continue;
      const replayed = JSON.parse(JSON.stringify(stored.case)) as unknown;
      const outcome = judge(statement.relation, statement.readings[0]!, statement.measure(statement.revive(replayed)));
      expect(outcome.status).toBe('violation');
      if (outcome.status === 'violation') expect(outcome.certified).toBe(true);
    }
  });
});
