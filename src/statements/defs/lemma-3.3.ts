import { matrixCaseArb } from '../../../arbitraries/matrixCaseArb.js';
import { matrixStatement, scalarSharpRatio, type MatrixMeasure } from '../matrixStatement.js';
import type { Bound } from '../Statement.js';

/** The constant 2 of Lemma 3.3. */
const C = 2;

/** The scalar supremum of the ratio (mean value theorem; see `scalarSharpRatio`). */
const SCALAR_SHARP = scalarSharpRatio(C);

const bound =
  (c: number) =>
  (m: MatrixMeasure): Bound => ({ lhs: m.gap, rhs: c * Math.sqrt(m.t) * m.normB, scale: 1 });

/** Lemma 3.3: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(t) ||B|| for all A, B (p x n), t >= 0. */
export const lemma33 = matrixStatement({
  id: 'lemma-3.3',
  source: 'Lemma 3.3',
  summary: 'Kernel perturbation: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(t) ||B||',
  readings: [
    {
      name: 'restored',
      formula: '||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= 2 sqrt(t) ||B||  (literal: same)',
      expected: 'holds',
      bound: bound(C),
      constants: [{ symbol: '2', value: C, sharp: SCALAR_SHARP }],
    },
  ],
  mutant: { name: 'mutant', formula: '... <= sqrt(t) ||B|| / 2  (constant / 4)', expected: 'refuted', bound: bound(C / 4) },
  arbitrary: () => matrixCaseArb(),
});
