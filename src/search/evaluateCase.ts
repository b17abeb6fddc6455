import { judge, type CaseOutcome } from '../check/judge.js';
import { NtkError } from '../errors/NtkError.js';
import type { Reading, Statement } from '../statements/Statement.js';

/** Why a case earned no score. */
export type RejectReason = 'degenerate' | 'outside-hypothesis' | 'unsolved' | 'uncertain';

/** One case scored for the search: its tightness ratio, or the reason it has none. */
export type CaseEvaluation<C> =
  | { readonly scored: true; readonly measured: true; readonly case: C; readonly ratio: number; readonly outcome: CaseOutcome; readonly cost: number }
  | { readonly scored: false; readonly measured: boolean; readonly reason: RejectReason };

/**
 * Score a case for the targeted search: the tightness ratio at the tight measurement when the case passes or
 * violates beyond doubt (a certified violation). A case outside the hypothesis, an unsolvable one (NtkSolveError
 * or another NtkError of a degenerate point) and an uncertain violation — numerical noise the search must not
 * climb — earn no score. `decode` builds the case (it may throw NtkError on a degenerate point).
 */
export function evaluateCase<C, M>(statement: Statement<C, M>, reading: Reading<M>, decode: () => C): CaseEvaluation<C> {
  let c: C;
  try {
    c = decode();
    if (!statement.applies(c)) return { scored: false, measured: false, reason: 'outside-hypothesis' };
  } catch (error) {
    if (error instanceof NtkError) return { scored: false, measured: false, reason: 'degenerate' };
    throw error;
  }
  try {
    const measured = statement.measure(c);
    const outcome = judge(statement.relation, reading, measured);
    if (outcome.status === 'violation' && !outcome.certified) return { scored: false, measured: true, reason: 'uncertain' };
    return { scored: true, measured: true, case: c, ratio: outcome.ratio, outcome, cost: measured.cost ?? 0 };
  } catch (error) {
    if (error instanceof NtkError) return { scored: false, measured: true, reason: 'unsolved' };
    throw error;
  }
}
