import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/report/generateReport.js';
import type { PlotBuilder } from '../../src/plot/Plot.js';
import { writeReportDir } from '../../src/report/writeReportDir.js';
import { readDir, tempDir, TINY_PLOT, tinyReport } from './fixtures.js';

/** Entries of a directory other than the report itself (temporary or old directories left behind). */
const leftovers = (root: string) => readdirSync(root).filter((f) => f !== 'latest');

describe('report atomicity', () => {
  it('a run interrupted after writing its files, before the swap, leaves the previous report intact', async () => {
    const root = tempDir();
    const outDir = join(root, 'latest');
    await generateReport({ ...tinyReport, outDir });
    const before = readDir(outDir);
    let sawTemp = '';
    const interrupted = generateReport({
      ...tinyReport,
      seed: 8,
      outDir,
      hooks: {
        beforeSwap(temp) {
          sawTemp = temp;
          expect(readdirSync(temp)).toContain('index.md');
          throw new Error('simulated crash');
        },
      },
    });
    await expect(interrupted).rejects.toThrow('simulated crash');
    expect(sawTemp).toMatch(/\.tmp-latest-\d+$/);
    expect(readDir(outDir)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('a run that throws midway (a plot fails) leaves the previous report intact', async () => {
    const root = tempDir();
    const outDir = join(root, 'latest');
    await generateReport({ ...tinyReport, outDir });
    const before = readDir(outDir);
    const broken: PlotBuilder = {
      name: 'broken',
      build: () => {
        throw new TypeError('plot bug');
      },
    };
    await expect(generateReport({ ...tinyReport, outDir, plots: [TINY_PLOT, broken] })).rejects.toThrow('plot bug');
    expect(readDir(outDir)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('a successful write replaces the whole directory (stale files go) and creates missing parents', () => {
    const root = tempDir();
    const outDir = join(root, 'reports', 'latest');
    writeReportDir(
      outDir,
      new Map([
        ['index.md', 'old\n'],
        ['stale.svg', '<svg/>\n'],
      ]),
    );
    writeFileSync(join(outDir, 'user-note.txt'), 'x');
    writeReportDir(outDir, new Map([['index.md', 'new\n']]));
    expect(readDir(outDir)).toEqual(new Map([['index.md', 'new\n']]));
    expect(readdirSync(join(root, 'reports'))).toEqual(['latest']);
    expect(existsSync(join(root, 'reports', `.tmp-latest-${process.pid}`))).toBe(false);
  });
});
