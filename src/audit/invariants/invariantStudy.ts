import fc from 'fast-check';
import { NtkInputError } from '../../errors/NtkInputError.js';
import type { AuditSubject } from '../AuditSubject.js';
import { checkCase, INVARIANT_KINDS, type InvariantKind, type Violation } from './checkCase.js';
import { invariantCaseArb, type InvariantCase } from './invariantCaseArb.js';

/** Options of {@link invariantStudy}. */
export interface InvariantStudyOptions {
  /** Generated cases per fast-check run. */
  readonly runs: number;
  readonly seed: number;
  /** Wall-clock budget for shrinking one counterexample, milliseconds. */
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
  /** One shrunk counterexample per violated kind, in the order found. */
  readonly counterexamples: readonly InvariantCounterexample[];
}

/**
 * Check the invariants of {@link checkCase} on generated quadratic flows (`invariantCaseArb`) with fast-check:
 * a run stops at the first certified violation of a kind not yet found and shrinks it (for at most
 * `shrinkMilliseconds`) to the smallest instance and step count that still shows a certified violation; the
 * kind found is set aside and the run repeated with the same seed, until a run passes. A module that cannot be
 * used (NtkInputError from the subject) aborts the study with that error.
 */
export function invariantStudy(subject: AuditSubject, options: InvariantStudyOptions): InvariantStudy {
  const remaining = new Set<InvariantKind>(INVARIANT_KINDS.filter((kind) => !(options.skip ?? []).includes(kind)));
  const counterexamples: InvariantCounterexample[] = [];
  let cases: number | undefined;
  while (remaining.size > 0) {
    let unusable: NtkInputError | undefined;
    let last: { c: InvariantCase; violation: Violation } | undefined;
    let deadline = Infinity;
    const predicate = (c: InvariantCase): boolean => {
      if (unusable !== undefined || performance.now() > deadline) return true;
      try {
        const violation = checkCase(subject, c, remaining);
        if (violation === undefined) return true;
        if (deadline === Infinity) deadline = performance.now() + options.shrinkMilliseconds;
        last = { c, violation };
        return false;
      } catch (error) {
        if (!(error instanceof NtkInputError)) throw error;
        unusable = error;
        return true;
      }
    };
    const result = fc.check(fc.property(invariantCaseArb(), predicate), { numRuns: options.runs, seed: options.seed });
    if (unusable !== undefined) throw unusable;
    cases ??= result.numRuns;
    if (!result.failed) break;
    if (last === undefined) throw result.errorInstance instanceof Error ? result.errorInstance : new Error(String(result.errorInstance));
    const found: { c: InvariantCase; violation: Violation } = last;
    counterexamples.push({ violation: found.violation, case: found.c, seed: options.seed, path: result.counterexamplePath ?? '' });
    remaining.delete(found.violation.kind);
  }
  return { cases: cases ?? 0, counterexamples };
}
