import { matrixCaseArb } from '../../../arbitraries/matrixCaseArb.js';
import { matrixStatement, scalarSharpRatio, type MatrixMeasure } from '../matrixStatement.js';
import type { Bound } from '../Statement.js';

/** The sharper constant of the proof: 2 sqrt(2/e) (each Duhamel term <= sqrt(2t/e) ||B||); literal 2/e with t^1. */
const C = { restored: 2 * Math.sqrt(2 / Math.E), literal: 2 / Math.E } as const;

const sqrtBound =
  (c: number) =>
  (m: MatrixMeasure): Bound => ({ lhs: m.gap, rhs: c * Math.sqrt(m.t) * m.normB, scale: 1 });

/** Eq. (25): ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(2t/e) ||B||. */
export const eq25 = matrixStatement({
  id: 'eq-25',
  source: 'eq. (25)',
  summary: 'Sharper kernel perturbation: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(2t/e) ||B||',
  readings: [
    {
      name: 'restored',
      formula: '... <= 2 sqrt(2t/e) ||B||',
      expected: 'holds',
      bound: sqrtBound(C.restored),
      constants: [{ symbol: '2 sqrt(2/e)', value: C.restored, sharp: scalarSharpRatio(C.restored) }],
    },
    { name: 'literal', formula: '... <= (2t/e) ||B||', expected: 'refuted', bound: (m) => ({ lhs: m.gap, rhs: C.literal * m.t * m.normB, scale: 1 }) },
  ],
  mutant: { name: 'mutant', formula: '... <= sqrt(2t/e) ||B|| / 2  (constant / 4)', expected: 'refuted', bound: sqrtBound(C.restored / 4) },
  arbitrary: () => matrixCaseArb(),
});
