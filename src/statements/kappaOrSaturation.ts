import type { Bound } from './Statement.js';
import { minBranch } from './worstOf.js';

/**
 * The shape of Thm 1.2, Thm 3.2 and Thm 1.3: lhs against min(c kappa^power sqrt(R0), saturation(R0)), with the
 * active branch named 'kappa' or 'saturated' (each statement passes its own constants).
 */
export function kappaOrSaturation(
  lhs: number,
  q: { readonly kappa: number; readonly R0: number },
  c: number,
  power: number,
  saturation: (R0: number) => number,
  scale: number,
): Bound {
  const { value, branch } = minBranch(c * q.kappa ** power * Math.sqrt(q.R0), saturation(q.R0), ['kappa', 'saturated']);
  return { lhs, rhs: value, branch, scale };
}
