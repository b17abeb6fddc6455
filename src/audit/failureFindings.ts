import type { AuditSubject, FailureKind } from './AuditSubject.js';
import type { Finding } from './AuditReport.js';

const WHAT: Readonly<Record<FailureKind, string>> = {
  hangs: 'the subject hangs',
  'too-slow': 'the subject is too slow',
  exits: 'the subject exits mid-solve',
  crash: 'the subject crashes mid-solve',
};

/**
 * One finding per kind of call the subject did not answer (`AuditSubject.failures`): the first such call (its step
 * count or tolerances), what happened, how many calls of that kind failed, and how many later calls were skipped.
 * `hangs` is a call past its deadline although the calls before it predicted far less time; `too-slow` one whose
 * cost grew as the calls before it predicted.
 */
export function failureFindings(subject: AuditSubject): Finding[] {
  const kinds = [...new Set(subject.failures.map((f) => f.kind))];
  return kinds.map((kind) => {
    const all = subject.failures.filter((f) => f.kind === kind);
    const first = all[0] as (typeof all)[number];
    return {
      kind,
      detail:
        `${WHAT[kind]}: ${first.call} ${first.detail}` +
        (all.length > 1 ? ` (${all.length} calls failed so)` : '') +
        (subject.skipped > 0
          ? `; ${subject.skipped} later calls at least as demanding were skipped, the rest of the audit ran`
          : '; the rest of the audit ran'),
      counterexample: { call: first.call, control: first.control },
    };
  });
}
