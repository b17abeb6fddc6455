import { NtkInputError } from '../errors/NtkInputError.js';
import { ACTIVATION_NAMES } from '../models/activation.js';
import { finiteMatrix, finiteVector, integerInRange, oneOf, positiveNumber } from '../validate/validators.js';
import type { WidthLadder } from '../../arbitraries/WidthLadder.js';

/** The JSON description of a width ladder (all of its fields are plain data already). */
export function describeWidthLadder(c: WidthLadder): unknown {
  return { activation: c.activation, x: c.x.map((row) => [...row]), y: [...c.y], T: c.T, widths: [...c.widths], seed: c.seed };
}

/** The inverse of {@link describeWidthLadder}, validated (errors name `case.<field>`). */
export function reviveWidthLadder(description: unknown): WidthLadder {
  if (description === null || typeof description !== 'object') throw new NtkInputError('case', description, 'an object');
  const d = description as Record<string, unknown>;
  const x = finiteMatrix('case.x', d.x);
  // Stryker disable next-line ArrayDeclaration: equivalent: every array shorter than 2 fails the check below with the same error, which reports d.widths, not this array
  const widths = Array.isArray(d.widths) ? d.widths.map((m, k) => integerInRange(`case.widths[${k}]`, m, 2, 2 ** 20)) : [];
  if (widths.length < 2 || widths.some((m, k) => m % 2 !== 0 || (k > 0 && m <= (widths[k - 1] as number)))) {
    throw new NtkInputError('case.widths', d.widths, 'at least two increasing even widths');
  }
  return {
    activation: oneOf('case.activation', d.activation, ACTIVATION_NAMES),
    x: Array.from({ length: x.rows }, (_, j) => Array.from(x.data.subarray(j * x.cols, (j + 1) * x.cols))),
    y: Array.from(finiteVector('case.y', d.y, x.rows)),
    T: positiveNumber('case.T', d.T),
    widths,
    seed: integerInRange('case.seed', d.seed, 0, 2 ** 32 - 1),
  };
}
