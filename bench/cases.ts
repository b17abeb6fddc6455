import { gram } from '../src/linalg/dense.js';
import type { MatrixCase } from '../arbitraries/MatrixCase.js';
import { createRng } from '../src/random/rng.js';

/**
 * A Lemma 3.3 case (A, B p x n, stored transposed n x p) with p = n, entries N(0,1)/sqrt(p) for A and a perturbation
 * B of relative size 0.1, and t = 1 / ||A||^2 (t ||A||^2 = 1: neither regime of the lemma's time is trivial).
 */
export function lemmaCase(seed: number, n: number): MatrixCase {
  const rng = createRng(seed);
  const p = n;
  const At = Float64Array.from({ length: n * p }, () => rng.normal() / Math.sqrt(p));
  const Bt = Float64Array.from({ length: n * p }, () => (0.1 * rng.normal()) / Math.sqrt(p));
  const K = gram(At, n, p);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += K[i * n + i] as number;
  return { n, p, At, Bt, t: n / trace, mode: 'random' };
}
