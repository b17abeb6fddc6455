/** The version of the subprocess protocol (docs/audit-protocol.md), exchanged in the hello messages. */
export const PROTOCOL = 'ntk-audit/1';

/**
 * A message from the program under audit (one JSON object per line on its stdout): `hello` (its answer to
 * ntk-check's hello), `f` (evaluate f(t, y)), `result` (y(t1) of solve `id`, for adaptive programs with the
 * optional `errorEstimate`, `evaluations`, `acceptedSteps`, `rejectedSteps`), `error` (solve `id` failed).
 * Fields are read loosely here and checked where they are used.
 */
export interface ClientMessage {
  readonly type: string;
  readonly [field: string]: unknown;
}
