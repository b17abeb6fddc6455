import type { AnyStatement } from '../statements/Statement.js';
import type { ReadingOutcome } from './Job.js';
import { jsonNumber } from '../format/numbers.js';
import type { ReadingEntry, StatementEntry } from './ReportSummary.js';

/** Most solves a holding check may lose to step budgets or non-finite states (as the property suite asserts). */
const MAX_UNSOLVED_SHARE = 0.05;

/** label -> value -> count with both levels of keys sorted (stable JSON whatever order the cases came in). */
function sortedCoverage(coverage: Readonly<Record<string, Readonly<Record<string, number>>>>): Record<string, Record<string, number>> {
  const byKey = <V>(record: Readonly<Record<string, V>>) =>
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k] as V] as const);
  return Object.fromEntries(byKey(coverage).map(([label, counts]) => [label, Object.fromEntries(byKey(counts))]));
}

function entry(statement: AnyStatement, outcome: ReadingOutcome): ReadingEntry {
  const reading = outcome.role === 'mutant' ? statement.mutant : statement.readings.find((candidate) => candidate.name === outcome.reading);
  const formula = reading?.formula ?? '';
  const common = { name: outcome.reading, role: outcome.role, formula, expected: outcome.expected, replayed: outcome.replayed };
  if (outcome.status === 'error') {
    const zero = {
      runs: 0,
      discarded: 0,
      unsolved: 0,
      uncertain: 0,
      undecided: 0,
      worstUndecided: false,
      nearEqualities: 0,
      unconfirmedPasses: 0,
      worstRatio: 0,
      worstRatioByBranch: {},
      coverage: {},
      missingCoverage: [],
    };
    return { ...common, verdict: 'error', matches: false, ...zero, error: outcome.error };
  }
  const r = outcome.result;
  const held = r.verdict === 'holds' && outcome.role === 'reading';
  const missingCoverage = held
    ? Object.entries(statement.requiredCoverage).flatMap(([label, values]) =>
        values.filter((v) => (r.coverage[label]?.[v] ?? 0) === 0).map((v) => `${label}=${v}`),
      )
    : [];
  return {
    ...common,
    verdict: r.verdict,
    matches: outcome.expected === 'open' || r.verdict === outcome.expected,
    runs: r.runs,
    discarded: r.discarded,
    unsolved: r.unsolved,
    uncertain: r.uncertain,
    undecided: r.undecided,
    worstUndecided: r.worstUndecided,
    nearEqualities: r.nearEqualities,
    unconfirmedPasses: r.unconfirmedPasses,
    worstRatio: jsonNumber(r.worstRatio),
    worstRatioByBranch: Object.fromEntries(Object.entries(r.worstRatioByBranch).map(([b, x]) => [b, jsonNumber(x)])),
    coverage: sortedCoverage(r.coverage),
    missingCoverage,
  };
}

/** The per-statement part of the report, with every mismatch and warning spelled out. */
export interface StatementsSummary {
  readonly statements: StatementEntry[];
  /** A reading without the registry's verdict, a mutant not refuted, or a check that threw. */
  readonly mismatches: string[];
  /** Coverage gaps and unsolved shares that the property suite would also flag. */
  readonly warnings: string[];
}

/**
 * Assemble the statement entries (registry order; readings, then the mutant) from the outcomes of their checks.
 * A mutant's expected verdict is 'refuted' by construction, so "every mutant refuted" is part of "matches".
 */
export function summarizeStatements(statements: readonly AnyStatement[], outcomes: readonly ReadingOutcome[]): StatementsSummary {
  const mismatches: string[] = [];
  const warnings: string[] = [];
  const entries = statements.map((statement): StatementEntry => {
    const readings = outcomes.filter((o) => o.statementId === statement.id).map((o) => entry(statement, o));
    for (const r of readings) {
      const name = `${statement.id}/${r.name}`;
      if (r.verdict === 'error') mismatches.push(`${name}: the check failed with ${r.error ?? 'an error'}`);
      else if (!r.matches && r.role === 'mutant') mismatches.push(`${name}: the sanity mutant was not refuted (the property cannot fail?)`);
      else if (!r.matches) mismatches.push(`${name}: expected ${r.expected}, the check says ${r.verdict}`);
      if (r.missingCoverage.length > 0) warnings.push(`${name}: required coverage never seen: ${r.missingCoverage.join(', ')}`);
      if (r.verdict === 'holds' && r.unsolved > MAX_UNSOLVED_SHARE * r.runs) warnings.push(`${name}: ${r.unsolved} of ${r.runs} cases unsolved`);
    }
    return { id: statement.id, source: statement.source, relation: statement.relation, summary: statement.summary, readings };
  });
  return { statements: entries, mismatches, warnings };
}
