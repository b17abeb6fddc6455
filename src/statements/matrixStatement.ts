import type fc from 'fast-check';
import { NtkInputError } from '../errors/NtkInputError.js';
import { searchSpaceOf } from '../../arbitraries/searchSpaceOf.js';
import { gram } from '../linalg/dense.js';
import { expmTaylor } from '../linalg/expmTaylor.js';
import { opNorm } from '../linalg/opNorm.js';
import { expDecay } from '../linalg/spectralFunctions.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { symmetricFunction } from '../linalg/symmetricFunction.js';
import { finiteVector, integerInRange, nonNegativeNumber } from '../validate/validators.js';
import type { MatrixCase } from '../../arbitraries/MatrixCase.js';
import type { Reading, Statement } from './Statement.js';

/** What Lemma 3.3 and eq. (25) measure: ||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)||, ||B||, t, ||A||. */
export interface MatrixMeasure {
  readonly gap: number;
  readonly normB: number;
  readonly normA: number;
  readonly t: number;
}

function measureWith(c: MatrixCase, expm: (S: Float64Array, n: number, t: number) => Float64Array): MatrixMeasure {
  const { n, p, At, Bt, t } = c;
  const sum = At.map((x, i) => x + (Bt[i] as number));
  const E1 = expm(gram(sum, n, p), n, t);
  const E0 = expm(gram(At, n, p), n, t);
  return { gap: opNorm(E1.map((x, i) => x - (E0[i] as number)), n, n), normB: opNorm(Bt, n, p), normA: opNorm(At, n, p), t };
}

/** Relative accuracy of the Taylor route on these well-conditioned PSD exponentials (entries of size <= 1). */
const MATRIX_ACCURACY = 1e-12;

const viaEigen = (S: Float64Array, n: number, t: number) => symmetricFunction(symmetricEigen(S, n), expDecay(t));

/** Spec of a statement about the matrix exponential (no flow). */
export interface MatrixStatementSpec {
  readonly id: string;
  readonly source: string;
  readonly summary: string;
  readonly readings: readonly Reading<MatrixMeasure>[];
  readonly mutant: Reading<MatrixMeasure>;
  arbitrary(): fc.Arbitrary<MatrixCase>;
}

/**
 * A matrix-exponential statement: measured by eigendecomposition, certified by the scaled Taylor series; the
 * generator's parametric view is exposed to the targeted search.
 */
export function matrixStatement(spec: MatrixStatementSpec): Statement<MatrixCase, MatrixMeasure> {
  return {
    ...spec,
    relation: '<=',
    applies: () => true,
    measure: (c) => ({ primary: measureWith(c, viaEigen), tight: measureWith(c, expmTaylor), tightAccuracy: MATRIX_ACCURACY }),
    labels: (c, m) => ({ mode: c.mode, time: m.t * m.normA ** 2 < 1 ? 't|A|^2<1' : 't|A|^2>=1' }),
    describe: (c) => ({ n: c.n, p: c.p, At: Array.from(c.At), Bt: Array.from(c.Bt), t: c.t, mode: c.mode }),
    revive: (d) => {
      if (d === null || typeof d !== 'object') throw new NtkInputError('case', d, 'an object');
      const r = d as Record<string, unknown>;
      const n = integerInRange('case.n', r.n, 1, 1024);
      const p = integerInRange('case.p', r.p, 1, 1024);
      return { n, p, At: finiteVector('case.At', r.At, n * p), Bt: finiteVector('case.Bt', r.Bt, n * p), t: nonNegativeNumber('case.t', r.t), mode: String(r.mode) };
    },
    requiredCoverage: { mode: ['random', 'aligned', 'cancel'], time: ['t|A|^2<1', 't|A|^2>=1'] },
    search: searchSpaceOf(spec.arbitrary()),
  };
}
