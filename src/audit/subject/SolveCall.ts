import type { Tolerances } from '../AdaptiveIntegratorModule.js';

/** How far a solve is asked to go: a step count (fixed-step contract) or tolerances (adaptive contract). */
export type SolveControl = { readonly steps: number } | Tolerances;

/** One call of the audited solve, as plain data (it crosses worker and process boundaries). */
export interface SolveCall {
  readonly t0: number;
  readonly y0: readonly number[];
  readonly t1: number;
  readonly control: SolveControl;
}

/** What a solve gave back, checked against the contract (y has the length of y0; NaN where not finite). */
export interface SolvedReply {
  readonly status: 'solved';
  readonly y: number[];
  /** Calls of f counted on ntk-check's side. */
  readonly evaluations: number;
  readonly errorEstimate?: number;
  readonly acceptedSteps?: number;
  readonly rejectedSteps?: number;
}

/**
 * The reply of a runner to a {@link SolveCall}: solved; `unusable` (the contract is broken: the sentence
 * completes "an integrator ... whose"); or the subject failed to answer: `timeout` (past the deadline), `exited`
 * (process.exit, or the subprocess ended), `crashed` (the worker died: out of memory, an uncaught error).
 */
export type SolveReply =
  | SolvedReply
  | { readonly status: 'unusable'; readonly requirement: string }
  | { readonly status: 'timeout' }
  | { readonly status: 'exited'; readonly detail: string }
  | { readonly status: 'crashed'; readonly detail: string };

/** `solve(f, 0, [0], 1, 64)`, `solve(f, 1, [3 numbers], 2, { rtol: 1e-6, atol: 1e-9 })`: a call in messages. */
export function describeCall(call: SolveCall): string {
  const { t0, y0, t1, control } = call;
  const y = y0.length <= 4 ? `[${y0.join(', ')}]` : `[${y0.length} numbers]`;
  const c = 'steps' in control ? String(control.steps) : `{ rtol: ${control.rtol}, atol: ${control.atol} }`;
  return `solve(f, ${t0}, ${y}, ${t1}, ${c})`;
}
