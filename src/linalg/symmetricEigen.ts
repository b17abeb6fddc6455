import { EigenvalueDecomposition } from 'ml-matrix';
import { NtkInputError } from '../errors/NtkInputError.js';
import { toMatrix } from './toMatrix.js';

/** Eigendecomposition S = V diag(values) V^T of a symmetric n x n matrix. */
export interface SymmetricEigen {
  readonly n: number;
  /** Eigenvalues, ascending. */
  readonly values: Float64Array;
  /** Orthonormal eigenvectors as the columns of an n x n row-major matrix: V[i*n + k] = (v_k)_i. */
  readonly vectors: Float64Array;
}

/**
 * Symmetric eigendecomposition via ml-matrix (Householder tridiagonalisation + QL, JAMA's tred2/tql2).
 * The input is symmetrized first, (S + S^T)/2, because ml-matrix tests symmetry bitwise, and scaled by its
 * largest entry, without which QL loses orthogonality (1e-8) on badly scaled input, and relative entries
 * below 1e-100 are flushed to 0. Results are copied out of
 * ml-matrix's internal matrices (its getters hand them out by reference).
 */
export function symmetricEigen(S: Float64Array, n: number): SymmetricEigen {
  let scale = 0;
  for (const x of S) scale = Math.max(scale, Math.abs(x));
  if (!Number.isFinite(scale)) throw new NtkInputError('S', S, 'a matrix of finite numbers');
  if (scale === 0) scale = 1;
  const sym = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = (0.5 * (S[i * n + j] ?? 0)) / scale + (0.5 * (S[j * n + i] ?? 0)) / scale; // no overflow at 1e308
      // Entries below 1e-100 (relative) change nothing at double precision but send tql2 into subnormals (crash).
      sym[i * n + j] = Math.abs(x) < 1e-100 ? 0 : x;
    }
  }
  const evd = new EigenvalueDecomposition(toMatrix(sym, n, n), { assumeSymmetric: true });
  const values = Float64Array.from(evd.realEigenvalues, (v) => v * scale);
  if (!values.every(Number.isFinite)) throw new NtkInputError('S', S, 'a matrix whose eigenvalues are representable (they overflow)');
  const V = evd.eigenvectorMatrix;
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) vectors[i * n + k] = V.get(i, k);
  }
  return { n, values, vectors };
}
