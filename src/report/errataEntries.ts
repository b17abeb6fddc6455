import { replayCommand } from '../check/replayCommand.js';
import type { ReadingOutcome } from './Job.js';
import { describeCase } from './describeCase.js';
import { jsonNumber } from '../format/numbers.js';
import type { ErratumEntry, StatementEntry } from './ReportSummary.js';

/**
 * The errata table: every refuted reading of the text (mutants excluded — they are refuted by design) with its
 * shrunk, certified counterexample, in registry order. A reading refuted against the registry's expectation is
 * listed too (its `expected` says 'holds'), so the evidence of a mismatch is in the report.
 */
export function errataEntries(statements: readonly StatementEntry[], outcomes: readonly ReadingOutcome[]): ErratumEntry[] {
  const entries: ErratumEntry[] = [];
  for (const statement of statements) {
    for (const reading of statement.readings.filter((r) => r.role === 'reading')) {
      const outcome = outcomes.find((o) => o.statementId === statement.id && o.reading === reading.name && o.role === 'reading');
      if (outcome?.status !== 'checked' || outcome.result.verdict !== 'refuted') continue;
      const cx = outcome.result.counterexample;
      entries.push({
        id: statement.id,
        reading: reading.name,
        formula: reading.formula,
        expected: reading.expected,
        lhs: jsonNumber(cx.bound.lhs),
        rhs: jsonNumber(cx.bound.rhs),
        branch: cx.bound.branch ?? 'none',
        ratio: jsonNumber(cx.ratio),
        margin: jsonNumber(cx.margin),
        uncertainty: jsonNumber(cx.uncertainty),
        certifiedBy: {
          method: cx.certifiedBy.method,
          ...(cx.certifiedBy.digits !== undefined && { digits: cx.certifiedBy.digits }),
          ...(cx.certifiedBy.errorBound !== undefined && { errorBound: jsonNumber(cx.certifiedBy.errorBound) }),
        },
        instance: describeCase(cx.case),
        seed: cx.seed,
        path: cx.path,
        replay: replayCommand(statement.id, reading.name, cx),
        case: cx.case,
      });
    }
  }
  return entries;
}
