import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_SIZE, logField } from '../src/plot/chartStyle.js';

/** One solve of a work-precision ladder: its cost and its error in the final state. */
export interface WorkPoint {
  /** Solver label: 'ntk-check' or 'scipy DOP853' etc. */
  readonly solver: string;
  readonly rtol: number;
  /** Median CPU milliseconds per solve. */
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rhsEvaluations: number;
  /** ||d(T) - d_ref(T)|| / ||d_ref(T)||, d = w - w0, d_ref from the tight reference. */
  readonly error: number;
  /** The integrator ntk-check chose (its 'auto'), when known. */
  readonly method?: string;
}

/** Relative final-state error of d against the reference. */
export function finalStateError(d: ArrayLike<number>, ref: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num += ((d[i] as number) - (ref[i] as number)) ** 2;
    den += (ref[i] as number) ** 2;
  }
  return Math.sqrt(num / den);
}

/**
 * Cost of `solver` to reach final-state error <= eps reliably: the loosest rtol of its ladder from which on every
 * tighter rtol also reaches eps, and its CPU time; undefined when the ladder never settles below eps. A lucky loose
 * rtol (the errors of DOP853 are not monotone in rtol) earns no credit, for ntk-check and scipy alike.
 */
export function costAt(points: readonly WorkPoint[], solver: string, eps: number): WorkPoint | undefined {
  const ladder = points.filter((p) => p.solver === solver).sort((a, b) => a.rtol - b.rtol); // tightest first
  let reliable: WorkPoint | undefined;
  for (const p of ladder) {
    if (p.error > eps) break;
    reliable = p;
  }
  return reliable;
}

/** Log-log work-precision chart: final-state error against CPU milliseconds per solve, one line per solver. */
export function workPrecisionSpec(title: string, points: readonly WorkPoint[], floor: number): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title,
    ...CHART_SIZE,
    data: { values: points.map((p) => ({ solver: p.solver, error: Math.max(p.error, floor), cpuMs: p.cpuMs, rtol: p.rtol })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: logField('error', `final-state error ||d(T) - d_ref|| / ||d_ref|| (floored at ${floor.toExponential(0)})`),
      y: logField('cpuMs', 'CPU ms per solve (median)'),
      color: { field: 'solver', type: 'nominal' },
      order: { field: 'rtol', type: 'quantitative', sort: 'descending' },
    },
  } as TopLevelSpec;
}
