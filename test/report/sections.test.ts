import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/report/generateReport.js';
import type { ReportSectionBuilder } from '../../src/report/ReportSection.js';
import { readDir, tempDir, TINY_PLOT, tinyReport } from './fixtures.js';

/** A section whose content depends on the profile and the seed, with one table and one figure. */
const SECTION: ReportSectionBuilder = {
  name: 'extra',
  build: (profile, seed) => ({
    title: 'Extra section',
    paragraphs: [`runs ${profile.runs}, seed ${seed}`],
    tables: [{ caption: 'A table:', columns: ['a', 'b'], rows: [['1', 'x|y']] }],
    plots: [{ ...TINY_PLOT.build(seed), name: 'extra-plot', title: 'Extra plot' }],
    data: { seed },
  }),
};

describe('report sections', () => {
  it('renders a section after the plots: text, table, figure (SVG written), data in summary.json', async () => {
    const outDir = tempDir();
    await generateReport({ ...tinyReport, outDir, sections: [SECTION] });
    const files = readDir(outDir);
    const index = files.get('index.md') ?? '';
    expect(index.indexOf('## Extra section')).toBeGreaterThan(index.indexOf('## Plots'));
    expect(index).toContain('runs 20, seed 7');
    expect(index).toContain('| 1 | x\\|y |');
    expect(index).toContain('![Extra plot](extra-plot.svg)');
    expect(files.get('extra-plot.svg')).toContain('<svg');
    const summary = JSON.parse(files.get('summary.json') ?? '{}') as { sections?: { name: string; data: unknown }[] };
    expect(summary.sections?.[0]).toMatchObject({ name: 'extra', data: { seed: 7 } });
  });

  it('leaves a report without sections unchanged (no sections key)', async () => {
    const outDir = tempDir();
    await generateReport({ ...tinyReport, outDir });
    expect(JSON.parse(readDir(outDir).get('summary.json') ?? '{}')).not.toHaveProperty('sections');
  });
});
