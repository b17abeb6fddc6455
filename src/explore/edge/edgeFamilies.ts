import type { Instance } from '../../flow/Instance.js';
import { norm2 } from '../../linalg/dense.js';
import { opNorm } from '../../linalg/opNorm.js';
import type { ActivationName } from '../../models/activation.js';
import { mulberry32 } from '../../random/mulberry32.js';
import { featureModel } from './featureModel.js';

/** A family of bounded-constant models for the edge experiment: shape, rank of V and activation. */
export interface EdgeFamily {
  readonly name: string;
  readonly activation: ActivationName;
  readonly n: number;
  readonly p: number;
  /** rank of V (< min(n, p) leaves weight directions that J0 does not see). */
  readonly rank: number;
}

/**
 * The families: n > p (the residual keeps a part outside range(J0) that the linear flow never fits, while the
 * nonlinear output manifold curves towards it), with V of full column rank or of rank < p (weight directions that
 * V, but not the shifted features, ignores).
 */
export const EDGE_FAMILIES: readonly EdgeFamily[] = [
  { name: 'tanh n=4 p=2 (full rank)', activation: 'tanh', n: 4, p: 2, rank: 2 },
  { name: 'tanh n=4 p=3 rank 2', activation: 'tanh', n: 4, p: 3, rank: 2 },
  { name: 'sigmoid n=4 p=3 rank 2', activation: 'sigmoid', n: 4, p: 3, rank: 2 },
];

/**
 * The `index`-th model of a family for a seed, as an instance template (alpha, T set by the caller): V = A B with
 * A (n x rank), B (rank x p) entries uniform in [-1, 1], scaled to ||V|| = 1; shifts uniform in [-2, 2]; w0 uniform
 * in [-1, 1]^p; y* a uniform
 * random direction with ||y*|| = 1 (R0 = 1/2 for every alpha, the model being centred).
 */
export function edgeModel(family: EdgeFamily, seed: number, index: number): Omit<Instance, 'alpha' | 'T'> {
  const random = mulberry32((seed ^ (0x9e3779b9 * (index + 1))) >>> 0);
  const u = () => 2 * random() - 1;
  const { n, p, rank } = family;
  const A = Array.from({ length: n * rank }, u);
  const B = Array.from({ length: rank * p }, u);
  const V = new Float64Array(n * p);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < p; j++) for (let l = 0; l < rank; l++) V[k * p + j] = (V[k * p + j] as number) + (A[k * rank + l] as number) * (B[l * p + j] as number);
  const norm = opNorm(V, n, p);
  for (let i = 0; i < V.length; i++) V[i] = (V[i] as number) / norm;
  const shifts = Float64Array.from({ length: n * p }, () => 2 * u());
  const w0 = Float64Array.from({ length: p }, u);
  const y = Float64Array.from({ length: n }, u);
  const len = norm2(y);
  return { model: featureModel(family.activation, V, shifts, n, w0), yStar: y.map((x) => x / len) };
}
