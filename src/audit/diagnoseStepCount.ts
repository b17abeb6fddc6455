import type { ProbeResult } from './convergenceStudy.js';
import { describeProbe, probeLabel } from './converseProbes.js';
import type { Finding } from './AuditReport.js';
import { scientific } from '../format/numbers.js';

/** The result is "at" y(t1 -+ h) when it is this many times closer to it than to y(t1)... */
const CLOSER = 10;
/** ...and converges to it faster: by this factor more over the last doubling of the steps (half an order). */
const FASTER = Math.SQRT2;

/**
 * Diagnose an off-by-one step count on an autonomous probe whose convergence failed: if at the two finest finite
 * step counts the result is much closer to the exact y(t1 - h) (or y(t1 + h)), h = (t1 - t0) / steps, than to
 * y(t1), and approaches it faster, `solve` takes steps - 1 (or steps + 1) steps of the right size. Undefined
 * when neither fits (in particular for first-order methods, whose error is O(h) either way).
 */
export function diagnoseStepCount(result: ProbeResult): Finding | undefined {
  const { probe } = result;
  const finest = result.points.filter((p) => Number.isFinite(p.error)).slice(-2);
  if (probe.kind !== 'autonomous' || finest.length < 2) return undefined;
  for (const shift of [-1, 1] as const) {
    const distances = finest.map((p) => probe.relativeDistance(p.y, probe.t1 + (shift * (probe.t1 - probe.t0)) / p.steps));
    const [coarse, at] = finest as [(typeof finest)[number], (typeof finest)[number]];
    const [dCoarse, dFine] = distances as [number, number];
    if (!(dCoarse * CLOSER < coarse.error && dFine * CLOSER < at.error && (dFine / dCoarse) * FASTER < at.error / coarse.error)) continue;
    const sign = shift < 0 ? '-' : '+';
    return {
      kind: 'step-count',
      detail:
        `solve(f, t0, y0, t1, steps) returns y(t1 ${sign} h), h = (t1 - t0)/steps, instead of y(t1): it takes steps ${sign} 1 steps ` +
        `(${probeLabel(probe)}, ${at.steps} steps: ${scientific(dFine)} from y(t1 ${sign} h), ${scientific(at.error)} from y(t1))`,
      counterexample: { probe: describeProbe(probe), steps: at.steps, y: at.y, errorFromT1: at.error, [`errorFromT1${sign}h`]: dFine },
    };
  }
  return undefined;
}
