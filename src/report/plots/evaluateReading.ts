import type { Reading, Statement } from '../../statements/Statement.js';

/** Both sides of a reading on one case, at the tight measurement, with the measurement's uncertainty of lhs. */
export interface EvaluatedReading {
  readonly lhs: number;
  readonly rhs: number;
  /** |lhs(primary) - lhs(tight)|, floored at the tight measurement's own accuracy times the bound's scale. */
  readonly uncertainty: number;
  readonly branch?: string;
}

/** The reading of `statement` called `name` (a registry reading or 'mutant'); an Error (a bug in the plot) when it does not exist. */
export function readingNamed<C, M>(statement: Statement<C, M>, name: string): Reading<M> {
  const reading = [...statement.readings, statement.mutant].find((r) => r.name === name);
  if (reading === undefined) throw new Error(`statement ${statement.id} has no reading ${JSON.stringify(name)}`);
  return reading;
}

/**
 * Measure a case with the statement's own `measure` (working and tight) and evaluate one reading on it: the plots
 * draw exactly the bounds the suite checks, with the constants taken from the registry, never restated.
 */
export function evaluateReading<C, M>(statement: Statement<C, M>, reading: Reading<M>, c: C): EvaluatedReading {
  const measured = statement.measure(c);
  const tight = reading.bound(measured.tight);
  const primary = reading.bound(measured.primary);
  const scale = Math.max(Math.abs(tight.lhs), tight.scale ?? 0);
  const uncertainty = Math.max(Math.abs(primary.lhs - tight.lhs), measured.tightAccuracy * scale);
  return { lhs: tight.lhs, rhs: tight.rhs, uncertainty, ...(tight.branch !== undefined && { branch: tight.branch }) };
}
