import type fc from 'fast-check';
import { parametricArbitrary } from './searchSpaceOf.js';
import type { MatrixCase } from './MatrixCase.js';
import { matrixCaseFromParams } from './matrixCaseFromParams.js';
import { matrixCaseParamBlocks, matrixCaseParamsArb, matrixRanges, type MatrixCaseConstraints } from './matrixCaseParamsArb.js';

export type { MatrixCaseConstraints } from './matrixCaseParamsArb.js';

/** Largest n and p of the points the search starts from (small matrices: few coordinates for the optimizer). */
const EXPLORE_MAX_SIZE = 4;

/**
 * Cases (A, B, t) for Lemma 3.3 and eq. (25): ||A|| = 1 up to a log-uniform rescaling folded into t, B random,
 * aligned with A (B = s A, the worst case of a small perturbation), or cancelling A (A + B = small).
 * It is {@link matrixCaseParamsArb} mapped through the pure {@link matrixCaseFromParams}, and carries that
 * parametric view for the targeted search (`searchSpaceOf`), which starts from matrices of sizes up to 4.
 */
export function matrixCaseArb(constraints: MatrixCaseConstraints = {}): fc.Arbitrary<MatrixCase> {
  const ranges = matrixRanges(constraints);
  return parametricArbitrary(
    matrixCaseParamsArb(constraints),
    {
      blocks: (point) => matrixCaseParamBlocks(point.discrete, ranges),
      decode: matrixCaseFromParams,
      // Scalars commute; only matrices (n, p not both 1) let A and A + B have different eigenvectors.
      niche: ({ discrete: d }) => `${d.mode}/${d.n * d.p > 1 ? 'matrix' : 'scalar'}`,
    },
    matrixCaseParamsArb({
      ...constraints,
      maxN: Math.min(EXPLORE_MAX_SIZE, constraints.maxN ?? EXPLORE_MAX_SIZE),
      maxP: Math.min(EXPLORE_MAX_SIZE, constraints.maxP ?? EXPLORE_MAX_SIZE),
    }),
  );
}
