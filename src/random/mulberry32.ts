/**
 * mulberry32 (Tommy Ettinger, public domain): a seeded uniform generator on [0, 1) with a 32-bit state. Only 32-bit
 * integer arithmetic, so a seed gives the same stream on every platform. Adequate for test cases, benchmark
 * instances and search heuristics; not for statistics.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
