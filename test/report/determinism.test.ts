import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/report/generateReport.js';
import { readDir, tempDir, smallReport } from './fixtures.js';

/** The files that must be byte-identical for a seed (timings.json is wall-clock by design). */
const DETERMINISTIC = ['converse.svg', 'index.md', 'lemma-3.3-ratios.svg', 'summary.json'];

describe('report determinism', () => {
  it('the same seed gives byte-identical index.md, summary.json and SVGs', async () => {
    const root = tempDir();
    await generateReport({ ...smallReport, outDir: join(root, 'a') });
    await generateReport({ ...smallReport, outDir: join(root, 'b') });
    const a = readDir(join(root, 'a'));
    const b = readDir(join(root, 'b'));
    expect([...a.keys()]).toEqual([...DETERMINISTIC, 'timings.json'].sort());
    for (const file of DETERMINISTIC) expect(a.get(file), file).toBe(b.get(file));
  });

  it('another seed changes the sampled content', async () => {
    const root = tempDir();
    await generateReport({ ...smallReport, outDir: join(root, 'a') });
    await generateReport({ ...smallReport, seed: 8, outDir: join(root, 'b') });
    expect(readDir(join(root, 'a')).get('summary.json')).not.toBe(readDir(join(root, 'b')).get('summary.json'));
  });

  it('summary.json keeps a stable key order and holds what index.md shows', async () => {
    const dir = join(tempDir(), 'r');
    const { summary } = await generateReport({ ...smallReport, outDir: dir });
    const json = JSON.parse(readDir(dir).get('summary.json') ?? '') as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'generator',
      'profile',
      'seed',
      'ok',
      'mismatches',
      'warnings',
      'statements',
      'errata',
      'sharpConstants',
      'converse',
      'plots',
    ]);
    expect(json).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(summary.statements.map((s) => s.id)).toEqual(['lemma-3.3', 'eq-25']);
    for (const s of summary.statements) {
      for (const r of s.readings) expect(Object.keys(r.coverage)).toEqual([...Object.keys(r.coverage)].sort());
    }
    const md = readDir(dir).get('index.md') ?? '';
    expect(md).toContain('| `eq-25` literal');
    const erratum = summary.errata.find((e) => e.id === 'eq-25' && e.reading === 'literal');
    expect(erratum?.replay).toBe(`npx ntk-check check eq-25 --reading literal --seed ${erratum?.seed} --path ${erratum?.path}`);
    expect(md).toContain(erratum?.replay);
    expect(summary.sharpConstants.map((c) => [c.statement, c.branch])).toEqual([
      ['lemma-3.3', 'none'],
      ['eq-25', 'none'],
    ]);
    expect(md).toContain('## Empirical sharp constants');
    expect(md).toContain('| 1 | 0.40935530252282999117288838411849452516085604448668 |');
  });
});
