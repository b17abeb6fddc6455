import { checkReading, type CheckResult } from '../../check/checkReading.js';
import { loadErrata } from '../../check/errataDb.js';
import { PROFILES } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { findStatement, registry } from '../../statements/registry.js';
import type { AnyStatement, Reading } from '../../statements/Statement.js';
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
  /** Additional fields. */
  expected: 'holds' | 'refuted';
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
  if (found === undefined) throw new NtkInputError('--reading', name, `one of ${all.map((r) => r.name).join(', ')}`);
  return found;
}

/** Find a statement or fail with the list of ids. */
export function requireStatement(id: string | undefined): AnyStatement {
  const statement = id === undefined ? undefined : findStatement(id);
  if (statement === undefined) throw new NtkInputError('ID', id, `a statement id (${registry.map((s) => s.id).join(', ')})`);
  return statement;
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'check ID [--reading NAME] [--runs N] [--seed S] [--json]',
  summary: "Check one reading of a statement over generated cases; exit 0 when the verdict matches the registry's.",
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { reading: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean', default: false } },
      true,
    );
    if (positionals.length > 1) throw new NtkInputError('ID', positionals.join(' '), 'a single statement id');
    const statement = requireStatement(positionals[0]);
    const reading = pickReading(statement, values.reading);
    const runs = integerInRange('--runs', numberFlag('runs', values.runs, PROFILES.quick.runs), 1, 10_000_000);
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const stored = reading.name === 'mutant' ? undefined : loadErrata()[statement.id]?.[reading.name];
    const examples = stored === undefined ? [] : [statement.revive(stored.case)];
    const result = checkReading(statement, reading, { runs, seed, shrinkEvaluations: PROFILES.quick.shrinkEvaluations, examples });
    const report: CheckReport = {
      id: statement.id,
      reading: reading.name,
      runs: result.runs,
      verdict: result.verdict,
      worstRatio: result.worstRatio,
      ...(result.verdict === 'refuted' && { counterexample: result.counterexample }),
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
      io.out(`verdict ${result.verdict} (expected ${reading.expected}), runs ${result.runs}, worst ratio ${result.worstRatio}${result.worstUndecided ? ' (undecided case)' : ''}, undecided ${result.undecided}, seed ${seed}`);
      if (result.verdict === 'refuted') io.out(`counterexample: ${JSON.stringify(result.counterexample)}`);
    }
    return result.verdict === reading.expected ? EXIT.ok : EXIT.failed;
  },
};
