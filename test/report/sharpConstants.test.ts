import { describe, expect, it } from 'vitest';
import { sharpConstants } from '../../src/report/sharpConstants.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import type { ReportSummary } from '../../src/report/ReportSummary.js';
import { loadWorstCases, type WorstCaseDb } from '../../src/io/worstCaseDb.js';
import { registry } from '../../src/statements/registry.js';

/** The (statement, branch) pairs the issues' table must cover (issue 14: Thm 1.2's kappa branch for n = 1 and n > 1 apart). */
const REQUIRED = [
  ['thm-1.2', 'kappa'],
  ['thm-1.2', 'kappa:n=1'],
  ['thm-1.2', 'kappa:n>1'],
  ['thm-1.2', 'saturated'],
  ['thm-3.2', 'kappa'],
  ['thm-3.2', 'saturated'],
  ['eq-19', 'none'],
  ['eq-25', 'none'],
  ['eq-27', 'none'],
  ['lemma-3.3', 'none'],
  ['prop-1.1', 'limit-b'],
  ['thm-1.3', 'kappa'],
  ['thm-1.3', 'saturated'],
] as const;

describe('sharp-constant table', () => {
  it('covers every paper constant of the issue, from the committed worst-case database, every case certified', () => {
    const rows = sharpConstants(registry, loadWorstCases());
    for (const [statement, branch] of REQUIRED) {
      const row = rows.find((r) => r.statement === statement && r.branch === branch);
      expect(row, `${statement}/${branch}`).toBeDefined();
      expect(Object.keys(row!).slice(0, 6)).toEqual(['statement', 'branch', 'paperConstant', 'empiricalConstant', 'certified', 'case']);
      expect(row!.certified, `${statement}/${branch}`).toBe(true);
      expect(row!.case).not.toBeNull();
    }
  });

  it('constant x worst ratio for an upper bound, constant / worst ratio for a lower bound; the sharp value where theory gives it', () => {
    const entry = (ratio: number) => ({ case: { n: 1 }, ratio, verdict: 'pass' as const, certified: true, methods: ['tight'], seed: 3, evaluations: 100 });
    const db: WorstCaseDb = {
      'lemma-3.3': { restored: entry(0.4) },
      'thm-1.3': { restored: { ...entry(0.5), branches: { kappa: { case: { alpha: 1 }, ratio: 0.5, certified: true, seed: 3, evaluations: 100 } } } },
    };
    const rows = sharpConstants(registry, db);
    const lemma = rows.find((r) => r.statement === 'lemma-3.3')!;
    expect(lemma).toMatchObject({ branch: 'none', paperConstant: 2, empiricalConstant: 0.8, certified: true, ratio: 0.4, paperOverEmpirical: 2.5 });
    expect(lemma.sharp).toMatchObject({ ratio: 1 / Math.sqrt(2 * Math.E), constant: Math.sqrt(2 / Math.E), scope: 'scalar A, B (n = p = 1)' });
    expect(lemma.sharp!.reached).toBeCloseTo(0.4 * Math.sqrt(2 * Math.E), 12);
    expect(lemma.search).toBe('npx ntk-check search lemma-3.3 --reading restored --evaluations 100 --seed 3');
    const converse = rows.filter((r) => r.statement === 'thm-1.3');
    expect(converse.map((r) => [r.branch, r.empiricalConstant, r.certified])).toEqual([
      ['kappa', 0.4, true],
      ['saturated', null, false],
    ]);
    const md = renderMarkdown({
      statements: [],
      errata: [],
      sharpConstants: rows,
      converse: { digits: 50, rows: [] },
      plots: [],
      profile: { name: 'quick', runs: 1, shrinkEvaluations: 1 },
      seed: 1,
      ok: true,
      mismatches: [],
      warnings: [],
      generator: 'x',
    } as unknown as ReportSummary);
    expect(md).toContain('## Empirical sharp constants');
    expect(md).toMatch(/\| `lemma-3\.3` restored \| none \| 2 = 2 \| >= 0\.8 \| 0\.4 \| 2\.5 \| 0\.85776 \(scalar A, B/);
    expect(md).toMatch(/\| `thm-1\.3` restored \| kappa \| 1\/5 = 0\.2 \| <= 0\.4 \|/);
  });
});
