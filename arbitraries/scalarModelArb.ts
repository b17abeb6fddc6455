import fc from 'fast-check';
import { converseModel, scalarModel, type ScalarModel } from '../src/models/scalar.js';
import { checkRange, type ScaleRange } from './_internals/ranges.js';
import { logUniform } from './logUniform.js';
import { uniform } from './uniform.js';

/** Constraints of `scalarModelArb`. */
export interface ScalarModelConstraints {
  /** Range of |a|, log-uniform; the sign of a is drawn too. Default {min: 1e-3, max: 1e3}. */
  readonly a?: ScaleRange;
  /** Range of |b| = Lip(Dh), log-uniform; the sign of b is drawn too. Default {min: 1e-3, max: 1e3}. */
  readonly b?: ScaleRange;
  /** Range of w0, uniform. Default {min: -1, max: 1}. */
  readonly w0?: ScaleRange;
  /**
   * The exact converse model of Thm. 1.3 instead (`converseModel`: a = 1/sqrt(T), b = lip >= 0 drawn from the
   * `b` range, w0 = 0; `model.converse` holds T and lip). Default false.
   */
  readonly converse?: boolean;
  /** Range of the horizon T of a converse model, log-uniform. Default {min: 1e-3, max: 1e4}. */
  readonly T?: ScaleRange;
}

const NAME = 'scalarModelArb.constraints';

/**
 * Scalar models h(w) = a w + b w^2 / 2 around w0 (docs/theory.md, "The converse model in closed form"), a and b of either sign with
 * log-uniform magnitudes; or, with `converse`, the converse model for a log-uniform T.
 * Throws NtkInputError on impossible constraints.
 */
export function scalarModelArb(constraints: ScalarModelConstraints = {}): fc.Arbitrary<ScalarModel> {
  const a = checkRange(`${NAME}.a`, constraints.a ?? { min: 1e-3, max: 1e3 }, true);
  const b = checkRange(`${NAME}.b`, constraints.b ?? { min: 1e-3, max: 1e3 }, true);
  const w0 = checkRange(`${NAME}.w0`, constraints.w0 ?? { min: -1, max: 1 }, false);
  const T = checkRange(`${NAME}.T`, constraints.T ?? { min: 1e-3, max: 1e4 }, true);
  if (constraints.converse ?? false) {
    return fc.tuple(logUniform(T.min, T.max), logUniform(b.min, b.max)).map(([t, lip]) => converseModel({ T: t, lip }));
  }
  const signed = (range: ScaleRange): fc.Arbitrary<number> =>
    fc.tuple(fc.boolean(), logUniform(range.min, range.max)).map(([negative, x]) => (negative ? -x : x));
  return fc.tuple(signed(a), signed(b), uniform(w0.min, w0.max)).map(([av, bv, w]) => scalarModel({ a: av, b: bv, w0: w }));
}
