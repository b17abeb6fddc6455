import { NtkInputError } from '../errors/NtkInputError.js';

/** A fitted exponent: the slope of log y against log x, with its regression standard error and 95% interval. */
export interface PowerLawFit {
  readonly slope: number;
  readonly standardError: number;
  /** slope -+ t_{0.975, dof} * standardError. */
  readonly ci95: readonly [number, number];
  /** Points used, groups (each with its own intercept) and residual degrees of freedom. */
  readonly points: number;
  readonly groups: number;
  readonly dof: number;
}

/**
 * Student's t quantile t_{0.975, dof} by the Cornish-Fisher expansion around z = 1.959964 (Abramowitz & Stegun
 * 26.7.5, three terms): within 1% of the exact value from dof = 3 on (3.158 for 3.182), within 0.2% from dof = 5.
 */
export function t975(dof: number): number {
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * dof) + (5 * z5 + 16 * z3 + 3 * z) / (96 * dof ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * dof ** 3);
}

/**
 * Least-squares slope of log y on log x with one intercept per group (fixed effects: each model keeps its own
 * prefactor, all share the exponent): both logs are centred within each group, slope = sum xy / sum xx, residual
 * variance s^2 = RSS / (N - groups - 1), standard error s / sqrt(sum xx) — the ordinary regression standard error.
 * Points with y <= 0 or non-finite logs are dropped. Throws NtkInputError when fewer than 2 residual degrees of
 * freedom remain or x does not vary within any group.
 */
export function fitPowerLaw(groups: readonly (readonly (readonly [number, number])[])[]): PowerLawFit {
  const centred: [number, number][] = [];
  let used = 0;
  for (const group of groups) {
    const logs = group.map(([x, y]) => [Math.log(x), Math.log(y)] as const).filter(([lx, ly]) => Number.isFinite(lx) && Number.isFinite(ly));
    if (logs.length < 2) continue;
    used++;
    const mx = logs.reduce((s, [lx]) => s + lx, 0) / logs.length;
    const my = logs.reduce((s, [, ly]) => s + ly, 0) / logs.length;
    for (const [lx, ly] of logs) centred.push([lx - mx, ly - my]);
  }
  const dof = centred.length - used - 1;
  const sxx = centred.reduce((s, [x]) => s + x * x, 0);
  if (dof < 2 || !(sxx > 0))
    throw new NtkInputError('fitPowerLaw.points', centred.length, `enough for a fit (${used} groups, ${dof} residual degrees of freedom)`);
  const slope = centred.reduce((s, [x, y]) => s + x * y, 0) / sxx;
  const rss = centred.reduce((s, [x, y]) => s + (y - slope * x) ** 2, 0);
  const standardError = Math.sqrt(rss / dof / sxx);
  const half = t975(dof) * standardError;
  return { slope, standardError, ci95: [slope - half, slope + half], points: centred.length, groups: used, dof };
}
