/** Two-sided 95% quantiles of Student's t distribution for 1..10 degrees of freedom (beyond: 1.96 upward). */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228] as const;

/** A least-squares line through log10 points, with the 95% confidence interval of its slope. */
export interface SlopeFit {
  readonly slope: number;
  /** The 95% confidence interval of the slope (Student t, n - 2 degrees of freedom); equal to slope for n = 2. */
  readonly low: number;
  readonly high: number;
  /** Points fitted. */
  readonly points: number;
}

/**
 * The least-squares slope of log10(y) against log10(x) over the points (x, y > 0 and finite), with its 95%
 * confidence interval slope -+ t(0.975, n - 2) SE, SE^2 = (sum of squared residuals / (n - 2)) / Sxx. Undefined with
 * fewer than 3 points (no interval).
 */
export function slopeFit(points: readonly { readonly x: number; readonly y: number }[]): SlopeFit | undefined {
  const usable = points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = usable.length;
  if (n < 3) return undefined;
  const xs = usable.map((p) => Math.log10(p.x));
  const ys = usable.map((p) => Math.log10(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * ((ys[i] as number) - my);
  });
  const slope = sxy / sxx;
  const residuals = xs.reduce((s, x, i) => s + ((ys[i] as number) - my - slope * (x - mx)) ** 2, 0);
  const se = Math.sqrt(residuals / (n - 2) / sxx);
  const t = T_975[n - 3] ?? 1.96 + 2.4 / (n - 2);
  return { slope, low: slope - t * se, high: slope + t * se, points: n };
}
