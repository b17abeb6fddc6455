import type fc from 'fast-check';
import { checkReading } from '../check/checkReading.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';
import { memoizeMeasure } from '../statements/memoizeMeasure.js';
import { findStatement } from '../statements/registry.js';
import type { Reading, Statement } from '../statements/Statement.js';
import type { ModelVerdict, StatementOutcome } from './ModelReport.js';

/**
 * The statements that apply to any smooth model with its flows: every flow statement of the registry except the
 * family-specific ones (Thm 1.3 needs the converse model; Cor 2.2 and the NTK parametrization need the mean-field
 * net). Prop 1.1 is checked in reading (b) (Chizat et al.'s form), the one that holds.
 */
export const MODEL_STATEMENTS = [
  'flow.residual',
  'flow.energy',
  'prop-1.1',
  'eq-14',
  'eq-15',
  'eq-16.weights',
  'prop-3.1',
  'eq-19',
  'eq-26',
  'eq-27',
  'thm-3.2',
  'thm-1.2',
] as const;

/** How the statements are run on the model. */
export interface ModelRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly shrinkEvaluations: number;
  /** Statement ids to run (default all of MODEL_STATEMENTS). */
  readonly only?: readonly string[];
  /** Test-only: run each statement's sanity mutant instead of its readings (it must be refuted). */
  readonly mutant?: boolean;
  /** Whether the constants are declared (a certified violation is a refutation) or estimated (it is evidence). */
  readonly certified: boolean;
  /** The replay of statement `id` (a CLI command or a library call). */
  replay(id: string): string;
  /** Called after each statement (progress). */
  onStatement?(outcome: StatementOutcome): void;
}

/** The ids to run: `only`, validated, or every applicable statement. */
export function modelStatementIds(only: readonly string[] | undefined): readonly string[] {
  if (only === undefined) return MODEL_STATEMENTS;
  for (const id of only) {
    if (!(MODEL_STATEMENTS as readonly string[]).includes(id)) throw new NtkInputError('--statement', id, `one of ${MODEL_STATEMENTS.join(', ')}`);
  }
  return only;
}

/**
 * Every applicable statement on the user's model, through the same judge, certification and shrinking as the
 * built-in families (`checkReading`): the statement with its generator replaced by `cases` (the fixed model with
 * drawn or fixed alpha, targets and T), its measurement memoized across readings, no worst-case replay (those
 * cases belong to the built-in families). Readings: those the suite established as holding, or the sanity mutant.
 */
export function runModelStatements(cases: fc.Arbitrary<FlowCase>, options: ModelRunOptions): StatementOutcome[] {
  const outcomes: StatementOutcome[] = [];
  for (const id of modelStatementIds(options.only)) {
    const registered = findStatement(id) as Statement<FlowCase, unknown>;
    const statement = memoizeMeasure<FlowCase, unknown>({ ...registered, arbitrary: () => cases, requiredCoverage: {}, search: undefined });
    const readings: readonly Reading<unknown>[] = options.mutant === true ? [registered.mutant] : registered.readings.filter((r) => r.expected === 'holds');
    for (const reading of readings) {
      const result = checkReading(statement, reading, {
        runs: options.runs,
        seed: options.seed,
        shrinkEvaluations: options.shrinkEvaluations,
        worstCases: false,
      });
      const refuted: ModelVerdict = options.certified ? 'refuted' : 'evidence';
      const outcome: StatementOutcome = {
        id,
        reading: reading.name,
        formula: reading.formula,
        verdict: result.verdict === 'refuted' ? refuted : result.verdict,
        worstRatio: result.worstRatio,
        runs: result.runs,
        discarded: result.discarded,
        unsolved: result.unsolved,
        uncertain: result.uncertain,
        undecided: result.undecided,
        coverage: result.coverage,
        ...(result.verdict === 'refuted' && { counterexample: result.counterexample }),
        replay: options.replay(id),
      };
      outcomes.push(outcome);
      options.onStatement?.(outcome);
    }
  }
  return outcomes;
}
