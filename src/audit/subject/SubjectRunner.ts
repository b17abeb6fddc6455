import type { AuditProblem } from '../AuditProblem.js';
import type { SolveCall, SolveReply } from './SolveCall.js';

/** What a subject declares about itself: its name, claimed order and which contract it follows. */
export interface SubjectMeta {
  readonly name: string;
  readonly order: number;
  readonly adaptive: boolean;
}

/**
 * Where an audited solve runs: in this thread (a module object), in a worker thread (a JavaScript module), or in a
 * subprocess (`--command`). `open` starts the subject and reads its {@link SubjectMeta} (NtkInputError when it
 * cannot be used); `solve` answers one call within `timeoutMs` (Infinity: no deadline) and never throws for
 * anything the subject does; `close` releases the thread or process.
 */
export interface SubjectRunner {
  /** How errors name the subject: `MODULE` and its path, or `--command` and the command line. */
  readonly parameter: string;
  readonly value: string;
  /** `an integrator module`, `an integrator program`: the start of every contract sentence. */
  readonly noun: string;
  open(timeoutMs: number): Promise<SubjectMeta>;
  solve(problem: AuditProblem, call: SolveCall, timeoutMs: number): Promise<SolveReply>;
  close(): Promise<void>;
}
