import fc from 'fast-check';
import type { ConverseParams } from '../src/precise/PreciseConverse.js';
import { logUniform } from './logUniform.js';

/** Constraints of {@link converseCaseArb}: log-uniform ranges [min, max]. */
export interface ConverseCaseConstraints {
  /** Default [1e-3, 1e6]. */
  readonly alpha?: readonly [number, number];
  /** Default [1e-4, 1e6]. */
  readonly T?: readonly [number, number];
  /** Lip(Dh) = b. Default [1e-4, 1e4]. */
  readonly lip?: readonly [number, number];
  /** Default [1e-6, 1e6]. */
  readonly R0?: readonly [number, number];
}

/** Parameters (alpha, T, Lip(Dh), R0) of the converse model of Thm 1.3, over the wide ranges. */
export function converseCaseArb(constraints: ConverseCaseConstraints = {}): fc.Arbitrary<{ alpha: number; T: number; lip: number; R0: number }> {
  const range = (r: readonly [number, number] | undefined, d: readonly [number, number]) => logUniform((r ?? d)[0], (r ?? d)[1]);
  return fc.record({
    alpha: range(constraints.alpha, [1e-3, 1e6]),
    T: range(constraints.T, [1e-4, 1e6]),
    lip: range(constraints.lip, [1e-4, 1e4]),
    R0: range(constraints.R0, [1e-6, 1e6]),
  }) satisfies fc.Arbitrary<ConverseParams>;
}
