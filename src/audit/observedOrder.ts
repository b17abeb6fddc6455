/** A point of a convergence study: a step count and the relative error it gave. */
export interface ErrorPoint {
  readonly steps: number;
  readonly error: number;
}

/** The observed order of convergence and the asymptotic range it was fitted on. */
export interface OrderFit {
  /** Least-squares slope of -log(error) against log(steps). */
  readonly order: number;
  /** Smallest and largest step count of the fitted range. */
  readonly fromSteps: number;
  readonly toSteps: number;
  /** Number of points fitted (>= 2). */
  readonly points: number;
  /** The range is settled (>= 3 points with local slopes within {@link SETTLED_SPREAD}); else all usable points were fitted. */
  readonly settled: boolean;
}

/**
 * Errors below ROUNDING_FACTOR * eps * sqrt(steps) are left out of the fit. The roundings of a solve add up to a
 * few eps relative on the probes (measured: 1e-15 after 1000 steps, a random walk would give eps sqrt(steps)),
 * which bends an error 10 eps sqrt(steps) by a few percent, a local slope by a few hundredths.
 */
export const ROUNDING_FACTOR = 10;
/** The two finest local slopes are settled when they differ by at most this; so are the slopes of a run. */
export const SETTLED_SPREAD = 0.2;
/** The asymptotic range extends to coarser steps while each local slope is this close to the two finest. */
export const ASYMPTOTIC_DRIFT = 0.1;

/** Smallest error that still measures truncation rather than rounding, for a solve with `steps` steps. */
export function roundingCutoff(steps: number): number {
  return ROUNDING_FACTOR * Number.EPSILON * Math.sqrt(steps);
}

function leastSquaresOrder(points: readonly ErrorPoint[]): number {
  const xs = points.map((p) => Math.log(p.steps));
  const ys = points.map((p) => Math.log(p.error));
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my);
    sxx += (x - mx) ** 2;
  });
  return -sxy / sxx;
}

function fitOrder(points: readonly ErrorPoint[], settled: boolean): OrderFit {
  const first = points[0] as ErrorPoint;
  const last = points[points.length - 1] as ErrorPoint;
  return { order: leastSquaresOrder(points), fromSteps: first.steps, toSteps: last.steps, points: points.length, settled };
}

/** The last index of the run of slopes from `start` on that all lie within SETTLED_SPREAD of each other. */
function settledRun(slopes: readonly number[], start: number): number {
  let lo = slopes[start] as number;
  let hi = lo;
  let end = start;
  for (let i = start + 1; i < slopes.length; i++) {
    const s = slopes[i] as number;
    if (Math.max(hi, s) - Math.min(lo, s) > SETTLED_SPREAD) break;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
    end = i;
  }
  return end;
}

/**
 * The observed order of a convergence study, in the manner of DiffEqDevTools' `test_convergence` (which
 * averages the slopes of successive errors over step sizes chosen in the asymptotic range), with the range
 * chosen automatically. Keep the finite errors above the rounding cutoff ({@link roundingCutoff}); the local
 * slopes are `log(e_i / e_i+1) / log(N_i+1 / N_i)`. When the two finest slopes agree within
 * {@link SETTLED_SPREAD}, the asymptotic range is the finest three points, extended to coarser steps while each
 * further slope stays within {@link ASYMPTOTIC_DRIFT} of the mean of those two (pre-asymptotic slopes drift away
 * from the order, and a wider range would average their drift in). Otherwise it is the longest run of slopes
 * within SETTLED_SPREAD of each other (the finest on a tie). A least-squares line of log(error) against
 * log(steps) over the range gives the order. Without any settled run, the fit is over all usable points
 * (`settled: false`); with fewer than 2 usable points, undefined (no order is measurable: the error is at
 * rounding level from the coarsest step on, or never finite).
 */
export function observedOrder(points: readonly ErrorPoint[]): OrderFit | undefined {
  const usable = points.filter((p) => Number.isFinite(p.error) && p.error > roundingCutoff(p.steps));
  if (usable.length < 2) return undefined;
  const slopes = usable.slice(1).map((p, i) => {
    const q = usable[i] as ErrorPoint;
    return Math.log(q.error / p.error) / Math.log(p.steps / q.steps);
  });
  const last = slopes.length - 1;
  const [a, b] = [slopes[last - 1], slopes[last] as number];
  if (a !== undefined && Math.abs(a - b) <= SETTLED_SPREAD) {
    const anchor = (a + b) / 2;
    let from = last - 1;
    while (from > 0 && Math.abs((slopes[from - 1] as number) - anchor) <= ASYMPTOTIC_DRIFT) from--;
    return fitOrder(usable.slice(from), true);
  }
  let best: readonly [number, number] = [last, last];
  for (let from = 0; from < last; from++) {
    const to = settledRun(slopes, from);
    if (to > from && to - from >= best[1] - best[0]) best = [from, to];
  }
  return best[1] > best[0] ? fitOrder(usable.slice(best[0], best[1] + 2), true) : fitOrder(usable, false);
}
