import { describe, expect, it } from 'vitest';
import { conversePlot } from '../../src/report/plots/converse.js';
import { errorVsTimePlot } from '../../src/report/plots/errorVsTime.js';
import { lemma33RatiosPlot } from '../../src/report/plots/lemma33Ratios.js';
import { ntkParametrizationPlot } from '../../src/report/plots/ntkParametrization.js';
import type { Plot } from '../../src/plot/Plot.js';
import { normalizeSvgIds, renderSvg } from '../../src/plot/renderSvg.js';
import { ariaLabels, expectWellFormedSvg, svgTexts } from './svgAssertions.js';

/** Render, check well-formedness, both log axes, the legend entries, and return the SVG. */
async function rendered(plot: Plot, legend: readonly string[], logAxes = 2): Promise<string> {
  const svg = await renderSvg(plot.spec);
  expectWellFormedSvg(svg);
  expect(ariaLabels(svg).filter((l) => /-axis titled .* for a log scale/.test(l))).toHaveLength(logAxes);
  const texts = svgTexts(svg);
  for (const entry of legend) expect(texts, `legend entry ${entry}`).toContain(entry);
  return svg;
}

/** Marks vega labelled with a given field value: one per point, plus one per line (labelled like its first point). */
const marksWith = (svg: string, text: string) => ariaLabels(svg).filter((l) => l.includes(text)).length;
const distinctMarksWith = (svg: string, text: string) => new Set(ariaLabels(svg).filter((l) => l.includes(text))).size;

describe('report plots (vega-lite, headless SVG)', () => {
  it('(a) E(T) vs T: one curve per alpha, Thm 1.2 and Prop 1.1 bounds, bounds above the data', async () => {
    const plot = errorVsTimePlot({ alphas: [1, 1000], times: [1e-3, 1e-2, 0.1, 1, 10, 100, 1e3] });
    const svg = await rendered(plot, ['alpha = 1', 'alpha = 1000', 'Thm 1.2 bound', 'Prop 1.1 bound (b)']);
    expect(marksWith(svg, 'scale: alpha = 1000')).toBeGreaterThanOrEqual(5);
    const rows = (plot.spec as { data: { values: { alpha: string; T: number; value: number; series: string }[] } }).data.values;
    const at = (series: string, r: { alpha: string; T: number }) => rows.find((q) => q.series === series && q.alpha === r.alpha && q.T === r.T);
    for (const r of rows.filter((q) => q.series === 'E(T) measured')) {
      expect(r.value).toBeLessThanOrEqual(at('Thm 1.2 bound', r)?.value ?? NaN);
      const prop = at('Prop 1.1 bound (b)', r);
      if (prop !== undefined) expect(r.value).toBeLessThanOrEqual(prop.value);
    }
  });

  it('(b) converse: E / sqrt(R0) between min(kappa, 1)/5 and min(6 kappa, sqrt 8)', async () => {
    const plot = conversePlot();
    const svg = await rendered(plot, ['E / sqrt(R0), converse model', 'Thm 1.2: min(6 kappa, sqrt 8)', 'Thm 1.3: min(kappa, 1) / 5']);
    expect(svg).toContain('<path');
    expect(plot.caption).toMatch(/smallest, 0\.409\d, at kappa = 1\.00/);
  });

  it('(c) Lemma 3.3 ratios: every drawn ratio below 1, rules for both bounds', async () => {
    const plot = lemma33RatiosPlot(3);
    const svg = await rendered(plot, ['random', 'aligned', 'cancel', 'Lemma 3.3 bound', 'eq. (25) bound']);
    expect(marksWith(svg, 'B drawn: ')).toBe(plot.points);
    const rows = (plot.spec as { layer: { data: { values: { ratio: number }[] } }[] }).layer[0]?.data.values ?? [];
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) expect(r.ratio).toBeLessThan(1);
  });

  it('(d) NTK parametrization: E sqrt(m) / T per width, one series per T', async () => {
    const plot = ntkParametrizationPlot(5, { widths: [16, 32], horizons: [1, 10] });
    const svg = await rendered(plot, ['T = 1', 'T = 10']);
    expect(distinctMarksWith(svg, 'horizon: T = 10')).toBe(2);
    expect(plot.table?.rows.map((r) => r[0])).toEqual(['16', '32']);
  });

  it('renders the same spec to the same bytes however many views came before (ids normalized)', async () => {
    const plot = conversePlot();
    const first = await renderSvg(plot.spec);
    await renderSvg(lemma33RatiosPlot(1).spec);
    expect(await renderSvg(plot.spec)).toBe(first);
    expect(normalizeSvgIds('<a clip-path="url(#clip7)"/><clipPath id="clip7"/><g id="clip9"/>')).toBe(
      '<a clip-path="url(#clip1)"/><clipPath id="clip1"/><g id="clip2"/>',
    );
  });
});
