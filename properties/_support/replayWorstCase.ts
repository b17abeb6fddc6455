import { recheck } from '../../src/check/judge.js';
import type { WorstCaseEntry } from '../../src/io/worstCaseDb.js';
import type { Reading, Statement } from '../../src/statements/Statement.js';

/** A stored worst case measured again: its verdict now, and how far its ratio may move without being a regression. */
export interface WorstCaseReplay {
  /** The judge's call: 'violation' beyond the uncertainty and the rounding level, 'pass' within it, else 'undecided'. */
  readonly verdict: 'pass' | 'violation' | 'undecided';
  readonly ratio: number;
  /** |ratio - stored ratio| allowed by the solver's accuracy on this case (see {@link replayWorstCase}). */
  readonly tolerance: number;
}

/**
 * Replay a stored worst case (properties/worst-cases.json) by verdict and by ratio within the solver's tolerance,
 * not to a fixed number of digits, so a better solver does not force regenerating the database.
 *
 * The tolerance. The judge's `recheck` bounds the error u of the deciding margin on this case: its uncertainty (at
 * least tightAccuracy * scale, the tight solve's rtol / 100 in units of the operands' magnitude, and at least the
 * distance to the working-rtol measurement and to the second method — the error of a solve 100x looser than the
 * tight one, so a generous bound on what any correct tight solve may differ by; or the decimal reference's error
 * bound), plus the rounding level NOISE_FLOOR * scale of the operands, which no method resolves.
 * Each side of the bound moves by at most u, so the ratio rho = num / den moves by at most (1 + rho) u / den;
 * the stored ratio and the new one each carry that error: |rho_new - rho_stored| <= 2 (1 + rho) u / den.
 * The statement's condition, scale / den, is what turns the solver's relative accuracy into the ratio's.
 */
export function replayWorstCase<C, M>(statement: Statement<C, M>, reading: Reading<M>, entry: WorstCaseEntry): WorstCaseReplay {
  const measured = statement.measure(statement.revive(entry.case));
  const r = recheck(statement.relation, reading, measured);
  const den = Math.abs(statement.relation === '<=' ? r.bound.rhs : r.bound.lhs);
  const u = r.uncertainty + r.decidedBy.noise;
  const tolerance = (2 * (1 + Math.max(r.ratio, entry.ratio)) * u) / den;
  return { verdict: r.verdict, ratio: r.ratio, tolerance };
}
