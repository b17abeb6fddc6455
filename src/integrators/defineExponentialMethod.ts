import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange } from '../validate/validators.js';
import { equalRational, parseRational, rationalToNumber } from './_internals/rational.js';
import type { ExponentialMethod, PhiCombination, PhiTerm } from './ExponentialMethod.js';
import type { Rational } from './Tableau.js';

const TERM = /^(-?\d+(?:\/\d+)?) phi([0-4])\((\d+(?:\/\d+)?)\)$/;

/** A parsed {@link PhiTerm}: weight w, index k and argument scale gamma of w phi_k(gamma h L). */
export interface ParsedPhiTerm {
  readonly weight: Rational;
  readonly k: number;
  readonly gamma: Rational;
}

/** Parse `'w phik(gamma)'`; undefined when the text does not have that form. */
export function parsePhiTerm(term: string): ParsedPhiTerm | undefined {
  const m = TERM.exec(term);
  if (m === null) return undefined;
  const [, weight, k, gamma] = m as unknown as [string, string, string, string];
  if (parseRational(weight) === undefined || parseRational(gamma) === undefined) return undefined;
  return { weight, k: Number(k), gamma };
}

function combination(name: string, value: unknown): PhiCombination {
  if (!Array.isArray(value)) throw new NtkInputError(name, value, "an array of terms such as '3/2 phi2(1/2)'");
  value.forEach((term: unknown, i: number) => {
    if (typeof term !== 'string' || parsePhiTerm(term) === undefined) {
      throw new NtkInputError(`${name}[${i}]`, term, "a term 'w phik(gamma)' with w, gamma rational and k in 0..4");
    }
  });
  return Object.freeze([...(value as PhiTerm[])]);
}

function row(name: string, value: unknown, length: number): readonly PhiCombination[] {
  if (!Array.isArray(value) || value.length !== length) throw new NtkInputError(name, value, `an array of ${length} coefficients`);
  return Object.freeze(value.map((x, j) => combination(`${name}[${j}]`, x)));
}

/**
 * Check an exponential method's shapes and term syntax (A strictly lower triangular and ragged, c[0] = 0, a
 * mid stage at c = 1/2) and return a deep-frozen copy. Throws {@link NtkInputError} naming the offending field.
 * The order conditions are checked by the test suite (`exponentialClassicalLimit` + `orderConditions`).
 */
export function defineExponentialMethod(spec: ExponentialMethod): ExponentialMethod {
  if (typeof spec.name !== 'string' || spec.name === '') throw new NtkInputError('method.name', spec.name, 'a non-empty string');
  const order = integerInRange('method.order', spec.order, 1, 8);
  const embeddedOrder = integerInRange('method.embeddedOrder', spec.embeddedOrder, 1, 8);
  const s = Array.isArray(spec.c) ? spec.c.length : 0;
  if (s < 2) throw new NtkInputError('method.c', spec.c, 'an array of at least 2 rationals');
  spec.c.forEach((x, i) => {
    if (typeof x !== 'string' || parseRational(x) === undefined) throw new NtkInputError(`method.c[${i}]`, x, 'a rational string');
  });
  if (!equalRational(spec.c[0] as Rational, '0')) throw new NtkInputError('method.c[0]', spec.c[0], "'0' (explicit method)");
  if (!Array.isArray(spec.A) || spec.A.length !== s) throw new NtkInputError('method.A', spec.A, `an array of ${s} rows`);
  const midStage = integerInRange('method.midStage', spec.midStage, 1, s - 1);
  if (rationalToNumber(spec.c[midStage] as Rational) !== 0.5) throw new NtkInputError('method.midStage', midStage, 'the index of a stage with c = 1/2');
  return Object.freeze({
    name: spec.name,
    order,
    embeddedOrder,
    c: Object.freeze([...spec.c]),
    A: Object.freeze(spec.A.map((r, i) => row(`method.A[${i}]`, r, i))),
    b: row('method.b', spec.b, s),
    bHat: row('method.bHat', spec.bHat, s),
    midStage,
    reference: String(spec.reference),
  });
}
