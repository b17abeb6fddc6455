import { NtkInputError } from '../errors/NtkInputError.js';
import type { Decimal } from 'decimal.js';
import { decimalContext } from '../precise/decimalContext.js';
import { decimalGramExpm } from '../precise/decimalExpm.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { flushedDouble } from './preciseReferenceRun.js';
import { searchSpaceOf } from '../../arbitraries/searchSpaceOf.js';
import { gram } from '../linalg/dense.js';
import { expmTaylor } from '../linalg/expmTaylor.js';
import { opNorm } from '../linalg/opNorm.js';
import { expDecay } from '../linalg/spectralFunctions.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { symmetricFunction } from '../linalg/symmetricFunction.js';
import { finiteVector, integerInRange, nonNegativeNumber } from '../validate/validators.js';
import type { MatrixCase } from '../../arbitraries/MatrixCase.js';
import type { SharpValue } from './PaperConstant.js';
import type { Reference, Statement } from './Statement.js';

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
  return {
    gap: opNorm(
      E1.map((x, i) => x - (E0[i] as number)),
      n,
      n,
    ),
    normB: opNorm(Bt, n, p),
    normA: opNorm(At, n, p),
    t,
  };
}

/** Digits of A + B in the reference: 1e-60 relative, far below what the 30-digit exponential resolves. */
const SUM_DIGITS = 60;

/** Digits of the decimal reference and of its companion (their distance is the a posteriori error). */
const DECIMAL_DIGITS = { reference: 30, companion: 20 } as const;

/**
 * The measurement with both exponentials in decimal.js ({@link decimalGramExpm}) on the exact inputs (A + B summed
 * exactly): the gap is the operator norm of the decimal difference rounded to doubles, so its only error is that
 * rounding (eps relative to the gap) and the norm's.
 */
function measureDecimal(c: MatrixCase, digits: number): { measure: MatrixMeasure; difference: Decimal[] } {
  const { n, p, At, Bt, t } = c;
  const D = decimalContext(SUM_DIGITS);
  const sum = Array.from(At, (x, i) => new D(exactDecimal(x)).plus(exactDecimal(Bt[i] as number)));
  const E1 = decimalGramExpm(sum, n, p, exactDecimal(t), digits);
  const E0 = decimalGramExpm(Array.from(At, exactDecimal), n, p, exactDecimal(t), digits);
  const difference = E1.map((x, i) => x.minus(E0[i] as Decimal));
  const gap = opNorm(Float64Array.from(difference, flushedDouble), n, n);
  return { measure: { gap, normB: opNorm(Bt, n, p), normA: opNorm(At, n, p), t }, difference };
}

/** The decimal reference of a matrix case, with its 20-digit companion and their largest entry distance as error bound. */
function decimalReference(c: MatrixCase): Reference<MatrixMeasure> {
  const hi = measureDecimal(c, DECIMAL_DIGITS.reference);
  const lo = measureDecimal(c, DECIMAL_DIGITS.companion);
  let gap = 0;
  hi.difference.forEach((x, i) => {
    gap = Math.max(gap, Math.abs(x.minus(lo.difference[i] as Decimal).toNumber()));
  });
  return { measurement: hi.measure, companion: lo.measure, method: 'decimal-expm', digits: DECIMAL_DIGITS.reference, errorBound: gap };
}

/** Relative commutator ({@link relativeCommutator}) above which a case counts as non-commuting (coverage label 'commutator'). */
export const NON_COMMUTING = 0.1;

/**
 * The relative commutator ||[S0, S1]|| / (||S0|| min(||S1||, ||S1 - S0||)) of the two exponents S0 = A^T A and
 * S1 = (A + B)^T (A + B) (operator norms; 0 when a norm is 0): the statements compare exp(-S1 t) with exp(-S0 t), a
 * scalar question when S0 and S1 commute. A and B are p x n, so their own product is undefined; [S0, S1] = [S0, S1 - S0]
 * is at most 2 ||S0|| min(||S1||, ||S1 - S0||), so this is in [0, 2] and scale-free in ||B|| / ||A||: small B
 * (S1 - S0 small) and cancelling B (S1 small) alike.
 */
export function relativeCommutator(c: MatrixCase): number {
  const { n, p, At, Bt } = c;
  const S0 = gram(At, n, p);
  const S1 = gram(
    At.map((x, i) => x + (Bt[i] as number)),
    n,
    p,
  );
  const denominator =
    opNorm(S0, n, n) *
    Math.min(
      opNorm(S1, n, n),
      opNorm(
        S1.map((x, i) => x - (S0[i] as number)),
        n,
        n,
      ),
    );
  if (!(denominator > 0)) return 0;
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (S1[i * n + k] as number) * (S0[k * n + j] as number) - (S0[i * n + k] as number) * (S1[k * n + j] as number);
      C[i * n + j] = s;
    }
  }
  return opNorm(C, n, n) / denominator;
}

/** Relative accuracy of the Taylor route on these well-conditioned PSD exponentials (entries of size <= 1). */
const MATRIX_ACCURACY = 1e-12;

const viaEigen = (S: Float64Array, n: number, t: number) => symmetricFunction(symmetricEigen(S, n), expDecay(t));

/** Spec of a statement about the matrix exponential (no flow). */
export type MatrixStatementSpec = Pick<Statement<MatrixCase, MatrixMeasure>, 'id' | 'source' | 'summary' | 'readings' | 'mutant' | 'arbitrary'>;

/**
 * A matrix-exponential statement: measured by eigendecomposition, re-checked by the scaled Taylor series, and
 * certified (close calls, final counterexamples) by the decimal.js exponential at 30 digits; the
 * generator's parametric view is exposed to the targeted search.
 */
export function matrixStatement(spec: MatrixStatementSpec): Statement<MatrixCase, MatrixMeasure> {
  return {
    ...spec,
    relation: '<=',
    applies: () => true,
    measure: (c) => ({
      primary: measureWith(c, viaEigen),
      tight: measureWith(c, expmTaylor),
      tightAccuracy: MATRIX_ACCURACY,
      reference: () => decimalReference(c),
    }),
    labels: (c, m) => ({
      mode: c.mode,
      time: m.t * m.normA ** 2 < 1 ? 't|A|^2<1' : 't|A|^2>=1',
      commutator: relativeCommutator(c) > NON_COMMUTING ? 'non-commuting' : 'commuting',
    }),
    describe: (c) => ({ n: c.n, p: c.p, At: Array.from(c.At), Bt: Array.from(c.Bt), t: c.t, mode: c.mode }),
    revive: (d) => {
      if (d === null || typeof d !== 'object') throw new NtkInputError('case', d, 'an object');
      const r = d as Record<string, unknown>;
      const n = integerInRange('case.n', r.n, 1, 1024);
      const p = integerInRange('case.p', r.p, 1, 1024);
      return {
        n,
        p,
        At: finiteVector('case.At', r.At, n * p),
        Bt: finiteVector('case.Bt', r.Bt, n * p),
        t: nonNegativeNumber('case.t', r.t),
        mode: String(r.mode),
      };
    },
    requiredCoverage: { mode: ['random', 'aligned', 'cancel'], time: ['t|A|^2<1', 't|A|^2>=1'] },
    search: searchSpaceOf(spec.arbitrary()),
  };
}

/**
 * The sharp ratio of `||exp(-(A+B)^T(A+B) t) - exp(-A^T A t)|| <= c sqrt(t) ||B||` over scalars: by the mean value
 * theorem |e^(-(a+b)^2 t) - e^(-a^2 t)| = 2 |m| t e^(-m^2 t) |b| for some m between a and a + b, and
 * sup_m 2 |m| sqrt(t) e^(-m^2 t) = sqrt(2/e) (at m^2 t = 1/2), approached as b -> 0: the ratio's supremum is sqrt(2/e) / c.
 */
export function scalarSharpRatio(c: number): SharpValue {
  return {
    ratio: Math.sqrt(2 / Math.E) / c,
    scope: 'scalar A, B (n = p = 1)',
    reason: 'mean value theorem: |e^(-(a+b)^2 t) - e^(-a^2 t)| = 2|m| t e^(-m^2 t) |b| <= sqrt(2t/e) |b|, approached as b -> 0 with a^2 t = 1/2',
  };
}
