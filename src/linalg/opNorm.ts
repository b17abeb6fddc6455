import { NtkInputError } from '../errors/NtkInputError.js';
import { gram, norm2 } from './dense.js';
import { symmetricEigen } from './symmetricEigen.js';

/**
 * Operator (spectral) norm ||M||_2 = largest singular value of a rows x cols row-major matrix.
 * Computed as scale * sqrt(lambda_max(M~ M~^T)) with M~ = M / scale (scale = max |M_ij|) and the Gram matrix
 * of the smaller side: the largest eigenvalue of a PSD matrix is computed to relative accuracy ~ eps, so the
 * largest singular value is too (Golub & Van Loan, Matrix Computations, 8.6). Scaling first avoids the
 * underflow that makes ml-matrix's SVD fail on subnormal entries.
 */
export function opNorm(data: Float64Array, rows: number, cols: number): number {
  if (rows === 0 || cols === 0) return 0;
  let scale = 0;
  for (const x of data) scale = Math.max(scale, Math.abs(x));
  if (!Number.isFinite(scale)) throw new NtkInputError('M', data, 'a matrix of finite numbers');
  if (rows === 1 || cols === 1) return finiteNorm(norm2(data)); // a row or column vector: ||M||_2 = Euclidean norm
  if (scale === 0) return 0;
  const wide = cols > rows;
  const small = wide ? rows : cols;
  const scaled = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = (data[i * cols + j] as number) / scale;
      if (wide) scaled[i * cols + j] = x;
      else scaled[j * rows + i] = x; // store M^T so the Gram below is the small one
    }
  }
  const G = gram(scaled, small, wide ? cols : rows);
  const lambdaMax = Math.max(0, ...symmetricEigen(G, small).values);
  return finiteNorm(scale * Math.sqrt(lambdaMax));
}

/** A norm that overflowed is an input error (the matrix's norm is not representable), never an Infinity. */
function finiteNorm(value: number): number {
  if (!Number.isFinite(value)) throw new NtkInputError('M', value, 'a matrix whose norm is representable (it overflows)');
  return value;
}
