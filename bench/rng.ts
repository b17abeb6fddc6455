import { mulberry32 } from '../src/random/mulberry32.js';

/**
 * Seeded pseudo-random numbers for the benchmark instances: mulberry32 (Tommy Ettinger's 32-bit generator) for
 * uniforms in [0, 1), and the Box-Muller transform for standard normals. Deterministic across platforms (only
 * 32-bit integer arithmetic, Math.log/cos/sqrt on its outputs), so a seed names an instance.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/** A seeded generator (seed: any 32-bit integer). */
export function seededRng(seed: number): Rng {
  const uniform = mulberry32(seed);
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u1 = 1 - uniform(); // (0, 1]
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, normal };
}
