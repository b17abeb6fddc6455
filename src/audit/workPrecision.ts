import type { ConvergenceStudy } from './convergenceStudy.js';
import type { ProbeKind } from './converseProbes.js';

/** One row of the work-precision table: a step count, its cost, and the worst error of each probe kind. */
export interface WorkPrecisionRow {
  readonly steps: number;
  /** Right-hand-side evaluations of one solve (the largest over the probes run at this step count). */
  readonly evaluations: number;
  /** Largest relative error over the parameter sets, per probe kind (NaN when not finite; absent when not run). */
  readonly errors: Partial<Record<ProbeKind, number>>;
}

/**
 * The work-precision data of a convergence study: for every step count of the sweeps, the cost of one solve
 * in f evaluations and, per probe kind, the worst relative error over the parameter sets (a non-finite result
 * counts as NaN, which outranks any error).
 */
export function workPrecision(study: ConvergenceStudy): WorkPrecisionRow[] {
  const rows = new Map<number, { evaluations: number; errors: Partial<Record<ProbeKind, number>> }>();
  for (const { probe, points } of study.probes) {
    for (const p of points) {
      const row = rows.get(p.steps) ?? { evaluations: 0, errors: {} };
      row.evaluations = Math.max(row.evaluations, p.evaluations);
      const previous = row.errors[probe.kind];
      row.errors[probe.kind] = previous === undefined || Number.isNaN(p.error) || p.error > previous ? p.error : previous;
      rows.set(p.steps, row);
    }
  }
  return [...rows].sort(([a], [b]) => a - b).map(([steps, row]) => ({ steps, ...row }));
}
