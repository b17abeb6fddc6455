import type { Rng } from '../search/index.js';

/** A point drawn uniformly from the ball B(center, rho): a Gaussian direction and radius rho U^(1/p). */
export function pointInBall(center: Float64Array, rho: number, rng: Rng): Float64Array {
  const p = center.length;
  const d = Float64Array.from({ length: p }, () => rng.normal());
  let len = 0;
  for (const x of d) len += x * x;
  len = Math.sqrt(len);
  const r = rho * rng.uniform() ** (1 / p);
  return d.map((x, j) => (center[j] as number) + (len === 0 ? 0 : (r * x) / len));
}

/** `center + d`, with d scaled back onto the sphere of radius rho when it reaches outside the ball. */
export function projectToBall(center: Float64Array, d: readonly number[], rho: number): Float64Array {
  let len = 0;
  for (const x of d) len += x * x;
  len = Math.sqrt(len);
  const shrink = len > rho ? rho / len : 1;
  return Float64Array.from(center, (c, j) => c + shrink * (d[j] as number));
}
