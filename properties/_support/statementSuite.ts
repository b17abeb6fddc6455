import { describe, expect, it } from 'vitest';
import { checkReading, type CheckResult } from '../../src/check/checkReading.js';
import { loadErrata } from '../../src/check/errataDb.js';
import { errataExamples } from '../../src/check/errataExamples.js';
import { profileFromEnv, seedFromEnv } from '../../src/check/profile.js';
import { replayCommand } from '../../src/check/replayCommand.js';
import { loadWorstCases } from '../../src/io/worstCaseDb.js';
import type { Reading, Statement } from '../../src/statements/Statement.js';
import { replayWorstCase } from './replayWorstCase.js';

/** Most solves a check may lose to step budgets or non-finite states before the check itself is suspect. */
const MAX_UNSOLVED_SHARE = 0.05;

/** The counts of the labels a statement requires, e.g. `horizon=short:74,long:16,very-long:10`. */
function requiredCounts(required: Readonly<Record<string, readonly string[]>>, r: CheckResult): string {
  const counts = (label: string) => Object.entries(r.coverage[label] ?? {}).map(([value, count]) => `${value}:${count}`);
  return Object.keys(required)
    .map((label) => `${label}=${counts(label).join(',')}`)
    .join(' ');
}

function summary(id: string, reading: string, r: CheckResult, required: Readonly<Record<string, readonly string[]>> = {}): string {
  const base = `[ntk-check] ${id}/${reading}: verdict=${r.verdict} runs=${r.runs} worstRatio=${r.worstRatio.toPrecision(6)} seed=${r.seed}`;
  const extra = `discarded=${r.discarded} unsolved=${r.unsolved} uncertain=${r.uncertain} undecided=${r.undecided}${r.worstUndecided ? ' (worst ratio undecided)' : ''} nearEqualities=${r.nearEqualities} (unconfirmed ${r.unconfirmedPasses})`;
  if (r.verdict !== 'refuted') return `${base} ${extra} ${requiredCounts(required, r)}`.trimEnd();
  const cx = r.counterexample;
  const by = cx.certifiedBy;
  const method = `${by.method}${by.digits === undefined ? '' : ` ${by.digits} digits, error bound ${by.errorBound}`}`;
  return `${base} ${extra} counterexample: lhs=${cx.bound.lhs} rhs=${cx.bound.rhs} margin=${cx.margin} (> uncertainty ${cx.uncertainty} + rounding ${by.noise}, ${method}) replay: ${replayCommand(id, reading, cx)}\n${JSON.stringify(cx.case)}`;
}

/**
 * The property tests of one statement: every reading keeps the verdict the registry records (refuted ones replay
 * their committed counterexample first; every reading replays its stored worst case, properties/worst-cases.json,
 * and must keep its verdict and its ratio within the solver's tolerance), the sanity mutant is refuted by the
 * same generator, and the generator covers what the statement requires (both branches of a min, both kappa
 * regimes, each model family). Replay with NTK_SEED=<seed>; size with NTK_PROFILE=quick|ci|deep.
 */
export function statementSuite<C, M>(statement: Statement<C, M>): void {
  const profile = profileFromEnv();
  const seed = seedFromEnv();
  const errata = loadErrata();
  const worstCases = loadWorstCases();
  const check = (reading: Reading<M>, replay: boolean): CheckResult => {
    const stored = replay ? errata[statement.id]?.[reading.name] : undefined;
    const { runs, shrinkEvaluations } = profile;
    const result = checkReading(statement, reading, { runs, seed, shrinkEvaluations, size: profile, ...errataExamples(statement, stored) });
    console.info(summary(statement.id, reading.name, result, statement.requiredCoverage));
    return result;
  };

  describe(`${statement.id} (${statement.source})`, () => {
    for (const reading of statement.readings) {
      const title = `${reading.name} ${reading.expected === 'holds' ? 'holds' : 'stays refuted'}: ${reading.formula}`;
      it(title, () => {
        const result = check(reading, reading.expected === 'refuted');
        expect(result.verdict, summary(statement.id, reading.name, result)).toBe(reading.expected);
        if (result.verdict === 'holds') {
          expect(result.runs).toBeGreaterThanOrEqual(profile.runs);
          expect(result.unsolved, 'too many unsolved cases').toBeLessThanOrEqual(MAX_UNSOLVED_SHARE * result.runs);
          for (const [label, values] of Object.entries(statement.requiredCoverage)) {
            for (const value of values) expect(result.coverage[label]?.[value] ?? 0, `coverage ${label}=${value}`).toBeGreaterThan(0);
          }
          // The stored worst case keeps its verdict, and its ratio within the solver's tolerance on that case (see
          // replayWorstCase; refresh: ntk-check search --all --write --db properties/worst-cases.json).
          const worst = worstCases[statement.id]?.[reading.name];
          if (worst !== undefined) {
            const replay = replayWorstCase(statement, reading, worst);
            const what = `stored worst case replays (ratio ${worst.ratio}, now ${replay.ratio}, tolerance ${replay.tolerance})`;
            expect(replay.verdict, what).toBe(worst.verdict);
            expect(Math.abs(replay.ratio - worst.ratio), what).toBeLessThanOrEqual(replay.tolerance);
          }
        }
      });
    }
    it(`sanity mutant is refuted by the same generator: ${statement.mutant.formula}`, () => {
      expect(check(statement.mutant, false).verdict).toBe('refuted');
    });
  });
}
