import type { AnyStatement, Reading } from '../statements/Statement.js';

/**
 * The branches of a reading's bound, as the statement labels them: the branches its paper constants belong to,
 * then those its coverage requires (e.g. ['kappa', 'saturated'] for Thm 1.2). Empty for a bound without a min.
 */
export function branchNames(statement: AnyStatement, reading: Reading<unknown>): string[] {
  const named = (reading.constants ?? []).flatMap((c) => (c.branch === undefined ? [] : [c.branch]));
  return [...new Set([...named, ...(statement.requiredCoverage.branch ?? [])])];
}
