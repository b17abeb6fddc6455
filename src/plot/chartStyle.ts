/** Shared look of the report's vega-lite charts. */

/** Plot area size in pixels. */
export const CHART_SIZE = { width: 520, height: 340 } as const;

/** vega-lite `config`: fonts and a white background (the SVGs are viewed outside a page too). */
export const CHART_CONFIG = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  title: { fontSize: 14, anchor: 'start', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'right', labelLimit: 360 },
} as const;

/** A log-scaled quantitative axis field with powers-of-ten labels (`1e-3`, `1e+2`). */
export function logField(field: string, title: string): Record<string, unknown> {
  return {
    field,
    type: 'quantitative',
    title,
    scale: { type: 'log' },
    axis: { format: '.0e', tickCount: 8, grid: true },
  };
}

/** `count` log-spaced values from `lo` to `hi` (both > 0, endpoints included). */
export function logGrid(lo: number, hi: number, count: number): number[] {
  const a = Math.log10(lo);
  const step = (Math.log10(hi) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => 10 ** (a + i * step));
}
