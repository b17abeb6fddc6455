import fc from 'fast-check';
import { NtkInputError } from '../../errors/NtkInputError.js';
import type { AuditSubject } from '../AuditSubject.js';
import { checkCase, INVARIANT_KINDS, UNDECIDED, type InvariantKind, type Violation } from './checkCase.js';
import { invariantCaseArb, type InvariantCase } from './invariantCaseArb.js';

/**
 * Shrinking stops after this many candidate cases (deterministic, so the counterexample depends on the seed
 * only; the examples shrink fully in 20 to 200).
 */
export const MAX_SHRINK_EVALUATIONS = 1_000;

/** Options of {@link invariantStudy}. */
export interface InvariantStudyOptions {
  /** Generated cases per fast-check run. */
  readonly runs: number;
  readonly seed: number;
  /**
   * Wall-clock safety net for shrinking one counterexample, milliseconds: for a very slow module. When it cuts
   * shrinking short, the counterexample also depends on the machine's speed.
   */
  readonly shrinkMilliseconds: number;
  /** Kinds not to check (already reported elsewhere). Default none. */
  readonly skip?: readonly InvariantKind[];
}

/** A certified violation, shrunk, with what replays it. */
export interface InvariantCounterexample {
  readonly violation: Violation;
  readonly case: InvariantCase;
  readonly seed: number;
  /** fast-check's replay path. */
  readonly path: string;
}

/** Result of {@link invariantStudy}. */
export interface InvariantStudy {
  /** Cases checked in the first (full) run. */
  readonly cases: number;
  /**
   * Cases of the first run left undecided because the subject failed to answer a call they needed (hung,
   * exited, crashed): never counted as passes; the audit has a finding for the failure.
   */
  readonly undecided: number;
  /** One shrunk counterexample per violated kind, in the order found. */
  readonly counterexamples: readonly InvariantCounterexample[];
}

/**
 * Check the invariants of {@link checkCase} on generated quadratic flows (`invariantCaseArb`) with fast-check:
 * a run stops at the first certified violation of a kind not yet found and shrinks it (for at most
 * {@link MAX_SHRINK_EVALUATIONS} candidates and `shrinkMilliseconds`) to the smallest instance and step count
 * that still shows a certified violation; the kind found is set aside and the run repeated with the same seed,
 * until a run passes. A module that cannot be used (NtkInputError from the subject) aborts the study with it.
 */
export async function invariantStudy(subject: AuditSubject, options: InvariantStudyOptions): Promise<InvariantStudy> {
  const remaining = new Set<InvariantKind>(INVARIANT_KINDS.filter((kind) => !(options.skip ?? []).includes(kind)));
  const counterexamples: InvariantCounterexample[] = [];
  let cases: number | undefined;
  let undecided: number | undefined;
  while (remaining.size > 0) {
    let unusable: NtkInputError | undefined;
    let last: { c: InvariantCase; violation: Violation } | undefined;
    let deadline = Infinity;
    let shrinkEvaluations = 0;
    let undecidedRun = 0;
    const predicate = async (c: InvariantCase): Promise<boolean> => {
      if (deadline !== Infinity && ++shrinkEvaluations > MAX_SHRINK_EVALUATIONS) return true;
      if (unusable !== undefined || performance.now() > deadline) return true;
      try {
        const violation = await checkCase(subject, c, remaining);
        if (violation === UNDECIDED) undecidedRun++;
        if (violation === undefined || violation === UNDECIDED) return true;
        if (deadline === Infinity) deadline = performance.now() + options.shrinkMilliseconds;
        last = { c, violation };
        return false;
      } catch (error) {
        if (!(error instanceof NtkInputError)) throw error;
        unusable = error;
        return true;
      }
    };
    const result = await fc.check(fc.asyncProperty(invariantCaseArb(), predicate), { numRuns: options.runs, seed: options.seed });
    if (unusable !== undefined) throw unusable;
    cases ??= result.numRuns;
    undecided ??= undecidedRun;
    if (!result.failed) break;
    if (last === undefined) throw result.errorInstance instanceof Error ? result.errorInstance : new Error(String(result.errorInstance));
    const found: { c: InvariantCase; violation: Violation } = last;
    counterexamples.push({ violation: found.violation, case: found.c, seed: options.seed, path: result.counterexamplePath ?? '' });
    remaining.delete(found.violation.kind);
  }
  return { cases: cases ?? 0, undecided: undecided ?? 0, counterexamples };
}
