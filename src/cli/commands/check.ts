import { checkReading, type CheckResult } from '../../check/checkReading.js';
import { loadErrata } from '../../check/errataDb.js';
import { errataExamples } from '../../check/errataExamples.js';
import { replayCommand } from '../../check/replayCommand.js';
import { PROFILES } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { OPEN_CONJECTURES } from '../../explore/openConjectures.js';
import { registry } from '../../statements/registry.js';
import type { AnyStatement, Expectation, Reading } from '../../statements/Statement.js';
import { didYouMean } from '../../validate/didYouMean.js';
import { integerInRange } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';
import { DEFAULT_SEED } from '../../check/profile.js';

/** The JSON printed by `ntk-check check --json` (a contract; fields may be added). */
export interface CheckReport {
  id: string;
  reading: string;
  runs: number;
  verdict: 'holds' | 'refuted' | 'undecided';
  worstRatio: number;
  counterexample?: unknown;
  /** Additional fields. The command that replays the counterexample exactly (when refuted). */
  replay?: string;
  /** Largest tightness ratio per active branch of the bound ('none' for a bound without a min). */
  worstRatioByBranch: Readonly<Record<string, number>>;
  expected: Expectation;
  seed: number;
  discarded: number;
  unsolved: number;
  uncertain: number;
  /** Cases no method settled (a reading expected to hold fails its check while any remains). */
  undecided: number;
  /** The worst ratio is that of an undecided case. */
  worstUndecided: boolean;
  coverage: CheckResult['coverage'];
}

/** The reading named `name` (or 'mutant'); default: the first restored reading expected to hold. */
export function pickReading(statement: AnyStatement, name: string | undefined): Reading<unknown> {
  const all = [...statement.readings, statement.mutant];
  if (name === undefined) return statement.readings.find((r) => r.expected === 'holds') ?? (statement.readings[0] as Reading<unknown>);
  const found = all.find((r) => r.name === name);
  const names = all.map((r) => r.name);
  if (found === undefined) throw new NtkInputError('--reading', name, `one of ${names.join(', ')}${didYouMean(name, names)}`);
  return found;
}

/** Find a statement (in the registry, or in `statements`) or fail with the list of ids. */
export function requireStatement(id: string | undefined, statements: readonly AnyStatement[] = registry): AnyStatement {
  const statement = id === undefined ? undefined : statements.find((s) => s.id === id);
  const ids = statements.map((s) => s.id);
  if (statement === undefined) throw new NtkInputError('ID', id, `a statement id${id === undefined ? '' : didYouMean(id, ids)} (${ids.join(', ')})`);
  return statement;
}

/** A fast-check path: run index, then shrink steps (`12`, `12:0:3`). */
const PATH = /^\d+(?::\d+)*$/;

/**
 * `ntk-check check ID`: check one reading over generated cases (the committed counterexample and the stored worst
 * case replayed first). `--path P` with `--seed S` replays one case exactly, as fast-check does: the case at that
 * path alone, judged without databases or shrinking; every printed counterexample comes with that command.
 * `statements`: where ID is looked up (default the registry and the open conjectures of src/explore, whose refuted
 * cases errata.json records too; tests add test-only statements).
 */
export function createCheckCommand(statements: readonly AnyStatement[] = [...registry, ...OPEN_CONJECTURES]): Command {
  return {
    name: 'check',
    usage: 'check ID [--reading NAME] [--runs N] [--seed S] [--path P] [--json]',
    summary: "Check one reading of a statement over generated cases; exit 0 when the verdict matches the registry's.",
    flags: {
      ID: 'the statement (ntk-check list shows every id)',
      '--reading NAME': "a reading of it, or 'mutant' (default: its first reading that holds)",
      '--runs N': 'generated cases (default: the quick profile)',
      '--seed S': 'fast-check seed, 0..2147483647 (printed by every run)',
      '--path P': 'replay the one case at this fast-check path under --seed (as printed beside a counterexample)',
      '--json': 'print one JSON object {id, reading, runs, verdict, worstRatio, counterexample?, replay?, ...}',
    },
    examples: ['check thm-1.2', 'check eq-25 --reading literal --json', 'check eq-25 --reading literal --seed 42 --path 3:0:1'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(
        argv,
        {
          reading: { type: 'string' },
          runs: { type: 'string' },
          seed: { type: 'string' },
          path: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        true,
      );
      if (values.path !== undefined && !PATH.test(values.path))
        throw new NtkInputError('--path', values.path, 'a fast-check path (run index, then shrink steps: 12:0:3)');
      if (positionals.length > 1) throw new NtkInputError('ID', positionals.join(' '), 'a single statement id');
      const statement = requireStatement(positionals[0], statements);
      const reading = pickReading(statement, values.reading);
      const runs = integerInRange('--runs', numberFlag('runs', values.runs, PROFILES.quick.runs), 1, 10_000_000);
      const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
      const stored = reading.name === 'mutant' ? undefined : loadErrata()[statement.id]?.[reading.name];
      const result = checkReading(statement, reading, {
        runs,
        seed,
        shrinkEvaluations: PROFILES.quick.shrinkEvaluations,
        ...errataExamples(statement, stored),
        ...(values.path !== undefined && { path: values.path }),
      });
      const replay = result.verdict === 'refuted' ? replayCommand(statement.id, reading.name, result.counterexample) : undefined;
      const report: CheckReport = {
        id: statement.id,
        reading: reading.name,
        runs: result.runs,
        verdict: result.verdict,
        worstRatio: result.worstRatio,
        ...(result.verdict === 'refuted' && { counterexample: result.counterexample, replay }),
        worstRatioByBranch: result.worstRatioByBranch,
        expected: reading.expected,
        seed,
        discarded: result.discarded,
        unsolved: result.unsolved,
        uncertain: result.uncertain,
        undecided: result.undecided,
        worstUndecided: result.worstUndecided,
        coverage: result.coverage,
      };
      if (values.json) io.out(JSON.stringify(report));
      else {
        io.out(`${statement.id} / ${reading.name}: ${reading.formula}`);
        io.out(
          `verdict ${result.verdict} (expected ${reading.expected}), runs ${result.runs}, worst ratio ${result.worstRatio}${result.worstUndecided ? ' (undecided case)' : ''}, undecided ${result.undecided}, seed ${seed}`,
        );
        const branches = Object.entries(result.worstRatioByBranch).filter(([b]) => b !== 'none');
        if (branches.length > 0) io.out(`worst ratio per branch: ${branches.map(([b, r]) => `${b} ${r}`).join(', ')}`);
        if (result.verdict === 'refuted') io.out(`counterexample: ${JSON.stringify(result.counterexample)}\nreplay: ${replay}`);
      }
      return reading.expected === 'open' || result.verdict === reading.expected ? EXIT.ok : EXIT.failed;
    },
  };
}

/** The `check` sub-command over the registry. */
export const checkCommand: Command = createCheckCommand();
