import { opNorm } from '../src/linalg/opNorm.js';
import type { SearchPoint } from './SearchSpace.js';
import type { MatrixCase } from './MatrixCase.js';

/** How B is drawn relative to A: random, aligned (B = s A) or cancelling A (A + B small). */
export type MatrixMode = 'random' | 'aligned' | 'cancel';

/** Discrete choices of a matrix case. */
export interface MatrixChoice {
  readonly n: number;
  readonly p: number;
  readonly mode: MatrixMode;
  /** Sign of s in the aligned mode B = s A. */
  readonly sign: 1 | -1;
}

/** The log-uniform scales of a matrix case, in the order they open `MatrixCaseParams.x`. */
export const MATRIX_SCALES = ['scale', 'tA2', 'relativeB'] as const;

/**
 * Parameters of a matrix case: the discrete choices, and `x` = [scale, tA2, relativeB, ...aRaw, ...bRaw] with
 * the raw entries of A^T and B^T (n x p each, row-major) in [-1, 1].
 */
export interface MatrixCaseParams extends SearchPoint {
  readonly discrete: MatrixChoice;
  readonly x: readonly number[];
}

/** Decades spanned by the magnitudes of the entries of A and B. */
const ENTRY_DECADES = 4;

/**
 * A raw entry u in [-1, 1] as a signed log-uniform magnitude: sign(u) 10^(ENTRY_DECADES (|u| - 1)), in
 * [1e-4, 1] (0 stays 0, the shrink target). Uniform raw entries would make most entries of a matrix comparable
 * to the largest; log-uniform ones give every scale its share (and matrices far from any structure).
 */
export function logMagnitude(u: number): number {
  return u === 0 ? 0 : Math.sign(u) * 10 ** (ENTRY_DECADES * (Math.abs(u) - 1));
}

/**
 * The matrix case at a parameter point (pure): entries log-uniform ({@link logMagnitude}), ||A|| = scale,
 * t = tA2 / scale^2, and B random with
 * ||B|| = relativeB scale, aligned (B = sign relativeB A) or cancelling (B = -A + 1e-2 relativeB scale bRaw).
 */
export function matrixCaseFromParams(params: MatrixCaseParams): MatrixCase {
  const { n, p, mode, sign } = params.discrete;
  const [scale, tA2, relativeB] = params.x as [number, number, number];
  const size = n * p;
  const aRaw = params.x.slice(MATRIX_SCALES.length, MATRIX_SCALES.length + size);
  const bRaw = params.x.slice(MATRIX_SCALES.length + size, MATRIX_SCALES.length + 2 * size);
  const A0 = Float64Array.from(aRaw, logMagnitude);
  const aNorm = opNorm(A0, n, p) || 1;
  const At = A0.map((x) => (x * scale) / aNorm);
  let Bt: Float64Array;
  if (mode === 'aligned') Bt = At.map((x) => sign * relativeB * x);
  else if (mode === 'cancel') Bt = At.map((x, i) => -x + relativeB * scale * (bRaw[i] ?? 0) * 1e-2);
  else {
    const B0 = Float64Array.from(bRaw, logMagnitude);
    const bNorm = opNorm(B0, n, p) || 1;
    Bt = B0.map((x) => (x * relativeB * scale) / bNorm);
  }
  return { n, p, At, Bt, t: tA2 / scale ** 2, mode };
}
