import { mulberry32 } from './mulberry32.js';

/**
 * A seeded uniform generator on [0, 1) and a standard normal drawn from it: the project's one seeded generator
 * (search, generators' fixed draws, unit tests, benchmark instances). Its streams are pinned by rng.test.ts.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/** {@link mulberry32} uniforms with Box-Muller normals (one uniform pair per normal). Deterministic for a seed. */
export function createRng(seed: number): Rng {
  const uniform = mulberry32(seed);
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

/** A seed derived from (seed, index), for independent sub-streams. */
export function deriveSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 1;
}
