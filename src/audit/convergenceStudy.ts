import type { AuditSubject, SubjectFailure } from './AuditSubject.js';
import { converseProbes, type ConvergenceProbe } from './converseProbes.js';
import { median } from '../validate/median.js';
import { observedOrder, type OrderFit } from './observedOrder.js';
import { sweep, type SweepOptions, type SweepPoint } from './sweep.js';

/** Options of {@link convergenceStudy}. */
export interface ConvergenceOptions extends SweepOptions {
  /** Parameter sets of the converse model; each gives an autonomous and a non-autonomous probe. */
  readonly parameterSets: number;
  readonly seed: number;
}

/** Relative error above which a plateau is a stall, not the rounding floor (issue: "before reaching 1e-9 relative"). */
export const STALL_LEVEL = 1e-9;

/** What one probe's sweep showed. */
export interface ProbeResult {
  readonly probe: ConvergenceProbe;
  readonly points: readonly SweepPoint[];
  readonly fit: OrderFit | undefined;
  /** Smallest finite relative error of the sweep (undefined when none was finite). */
  readonly bestError: number | undefined;
  /** The sweep ended because the error stopped decreasing (else it reached maxSteps, still converging). */
  readonly plateau: boolean;
  /** The level where the error stopped decreasing, when that is above STALL_LEVEL. */
  readonly stallLevel: number | undefined;
  /** The first solve with a non-finite result. */
  readonly nonFinite: SweepPoint | undefined;
  /** The call the subject did not answer, which ended the sweep, and whether it was skipped after an earlier failure. */
  readonly failure: SubjectFailure | undefined;
  readonly skipped: boolean;
}

/** Result of {@link convergenceStudy}. */
export interface ConvergenceStudy {
  readonly probes: readonly ProbeResult[];
  /** Median over the probes of the fitted order (undefined when no probe had a measurable order). */
  readonly observedOrder: number | undefined;
  /** The largest over the probes of the smallest error each reached (undefined when one never gave a finite result). */
  readonly errorFloor: number | undefined;
}

async function probeResult(subject: AuditSubject, probe: ConvergenceProbe, options: SweepOptions): Promise<ProbeResult> {
  const { points, plateau, failure, skipped } = await sweep(subject, probe, options);
  const finite = points.filter((p) => Number.isFinite(p.error)).map((p) => p.error);
  const tail = Math.min(...finite.slice(-3));
  return {
    probe,
    points,
    fit: observedOrder(points),
    bestError: finite.length > 0 ? Math.min(...finite) : undefined,
    plateau,
    stallLevel: plateau && tail > STALL_LEVEL ? tail : undefined,
    nonFinite: points.find((p) => !Number.isFinite(p.error)),
    failure,
    skipped: skipped === true,
  };
}

/**
 * Convergence of the integrator on the converse ODE (see `converseProbes`): for each probe, the relative error of
 * y(t1) against the 30-digit reference over a geometric sweep of step counts (`sweep`), the observed order
 * (`observedOrder`), the best error reached and whether the error stalls above 1e-9.
 */
export async function convergenceStudy(subject: AuditSubject, options: ConvergenceOptions): Promise<ConvergenceStudy> {
  const probes: ProbeResult[] = [];
  for (const probe of converseProbes(options.parameterSets, options.seed)) probes.push(await probeResult(subject, probe, options));
  const orders = probes.flatMap((p) => (p.fit === undefined ? [] : [p.fit.order]));
  const best = probes.map((p) => p.bestError);
  const errorFloor = best.some((e) => e === undefined) ? undefined : Math.max(...(best as number[]));
  return { probes, observedOrder: orders.length > 0 ? median(orders) : undefined, errorFloor };
}
