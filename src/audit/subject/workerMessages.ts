import type { ProblemSpec } from '../ProblemSpec.js';
import type { SolveCall, SolveReply } from './SolveCall.js';
import type { SubjectMeta } from './SubjectRunner.js';

/** Main thread to subject worker: load the module, or solve (the problem's spec is sent once per worker). */
export type ToWorker =
  | { readonly type: 'load'; readonly path: string }
  | { readonly type: 'solve'; readonly id: number; readonly problemId: number; readonly spec?: ProblemSpec; readonly call: SolveCall };

/** Subject worker to main thread. `unusable` carries the NtkInputError's requirement. */
export type FromWorker =
  | { readonly type: 'loaded'; readonly meta: SubjectMeta }
  | { readonly type: 'unusable'; readonly requirement: string }
  | { readonly type: 'reply'; readonly id: number; readonly reply: SolveReply };
