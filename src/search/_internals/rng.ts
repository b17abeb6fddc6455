/** A seeded uniform generator on [0, 1) and a standard normal drawn from it. */
export interface Rng {
  uniform(): number;
  normal(): number;
}

/**
 * mulberry32 (T. Ettinger, public domain; a 32-bit state generator adequate for search heuristics, not for
 * statistics) with Box-Muller normals. Deterministic for a seed.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

/** A seed derived from (seed, index), for independent sub-streams. */
export function deriveSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 1;
}
