import type { Bound } from './Statement.js';

/** Branch label of a bound without a `min` (every case is in it). */
const NO_BRANCH = 'none';

/**
 * The labels a bound's worst ratio is kept under: its active branch ('none' without a min), then `branch:split`
 * when the bound splits the branch (e.g. ['kappa', 'kappa:n>1'] for Thm 1.2).
 */
export function branchKeys(bound: Pick<Bound, 'branch' | 'split'>): string[] {
  const branch = bound.branch ?? NO_BRANCH;
  return bound.split === undefined ? [branch] : [branch, `${branch}:${bound.split}`];
}
