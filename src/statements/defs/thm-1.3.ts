import { converseCaseArb } from '../../../arbitraries/converseCaseArb.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { PreciseConverse } from '../../precise/PreciseConverse.js';
import { decimalToNumber } from '../../precise/decimalToNumber.js';
import { positiveNumber } from '../../validate/validators.js';
import { kappaRegime } from '../flowStatement.js';
import type { Bound, Statement } from '../Statement.js';
import { kappaOrSaturation } from '../kappaOrSaturation.js';

/** A converse case: the scalar model a = 1/sqrt(T), b = Lip(Dh), w0 = 0, y* = sqrt(2 R0). */
export interface ConverseCase {
  readonly alpha: number;
  readonly T: number;
  readonly lip: number;
  readonly R0: number;
}

interface ConverseMeasure {
  readonly E: number;
  readonly kappa: number;
  readonly R0: number;
}

/** The constant 1/5 of Thm 1.3. */
const C = 1 / 5;

/**
 * Digits of the primary and of the tight evaluation of the closed form, and of the reference that certifies a
 * violation (every value correctly rounded: its only error is the final rounding, 10^-(digits - 1) relative).
 */
const DIGITS = { primary: 30, tight: 50, reference: 80 } as const;

function measureAt(c: ConverseCase, digits: number): ConverseMeasure {
  const model = new PreciseConverse(c, { digits });
  return { E: decimalToNumber(model.E), kappa: decimalToNumber(model.kappa), R0: c.R0 };
}

/** E >= c min(kappa sqrt(R0), saturation(R0)). */
function bound(c: number, saturation: (R0: number) => number): (m: ConverseMeasure) => Bound {
  return (m) => {
    const b = kappaOrSaturation(m.E, m, 1, 1, saturation, m.E);
    return { ...b, rhs: c * b.rhs };
  };
}

/**
 * Thm 1.3, eq. (7): on the converse model, E(T) >= min(kappa sqrt(R0) / 5, sqrt(R0) / 5) — the bound of Thm 1.2 is
 * tight up to a constant. E is the closed form of docs/theory.md evaluated with decimal.js (30 digits, certified at 50).
 */
export const thm13: Statement<ConverseCase, ConverseMeasure> = {
  id: 'thm-1.3',
  source: 'Thm. 1.3, eq. (7)',
  relation: '>=',
  summary: 'Converse: on the scalar model a w + b w^2/2, E(T) >= min(kappa sqrt(R0), sqrt(R0)) / 5',
  readings: [
    {
      name: 'restored',
      formula: 'E(T) >= min(kappa sqrt(R0) / 5, sqrt(R0) / 5)',
      expected: 'holds',
      bound: bound(C, (R0) => Math.sqrt(R0)),
      constants: [
        { branch: 'kappa', symbol: '1/5', value: C },
        { branch: 'saturated', symbol: '1/5', value: C },
      ],
    },
    { name: 'literal', formula: 'E(T) >= min(kappa sqrt(R0) / 5, R0 / 5)', expected: 'refuted', bound: bound(C, (R0) => R0) },
  ],
  mutant: {
    name: 'mutant',
    formula: 'E(T) >= min(kappa sqrt(R0), sqrt(R0)) / 2  (constant 1/2)',
    expected: 'refuted',
    bound: bound(1 / 2, (R0) => Math.sqrt(R0)),
  },
  arbitrary: () => converseCaseArb(),
  applies: () => true,
  measure: (c) => ({
    primary: measureAt(c, DIGITS.primary),
    tight: measureAt(c, DIGITS.tight),
    tightAccuracy: Number.EPSILON,
    reference: () => ({
      measurement: measureAt(c, DIGITS.reference),
      method: 'decimal-closed-form',
      digits: DIGITS.reference,
      errorBound: 10 ** -(DIGITS.reference - 1),
    }),
  }),
  labels: (_c, m) => ({ kappa: kappaRegime(m.kappa) }),
  describe: (c) => ({ alpha: c.alpha, T: c.T, lip: c.lip, R0: c.R0 }),
  revive: (d) => {
    if (d === null || typeof d !== 'object') throw new NtkInputError('case', d, 'an object');
    const r = d as Record<string, unknown>;
    return {
      alpha: positiveNumber('case.alpha', r.alpha),
      T: positiveNumber('case.T', r.T),
      lip: positiveNumber('case.lip', r.lip),
      R0: positiveNumber('case.R0', r.R0),
    };
  },
  requiredCoverage: { branch: ['kappa', 'saturated'], kappa: ['kappa<1', 'kappa>=1'] },
};
