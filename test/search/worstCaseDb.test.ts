import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReading } from '../../src/check/checkReading.js';
import { NtkError } from '../../src/errors/NtkError.js';
import { refreshWorstCases } from '../../src/search/refreshWorstCases.js';
import { replayCases } from '../../src/check/replayCases.js';
import { loadWorstCases } from '../../src/io/worstCaseDb.js';
import { eq25 } from '../../src/statements/defs/eq-25.js';
import type { MatrixCase } from '../../arbitraries/MatrixCase.js';

describe('worst-case database', () => {
  const refresh = () => refreshWorstCases([eq25], { evaluations: 60, seed: 4, baseline: true });

  it('refreshWorstCases: one certified entry per holding reading, deterministic for a seed', () => {
    const { db, reports } = refresh();
    expect(Object.keys(db)).toEqual(['eq-25']);
    expect(Object.keys(db['eq-25']!)).toEqual(['restored']);
    const entry = db['eq-25']!.restored!;
    expect(entry).toMatchObject({ verdict: 'pass', certified: true, seed: 4, evaluations: 60, methods: ['tight', 'decimal'] });
    expect(entry.ratio).toBe(reports[0]!.worstRatio);
    // The random baseline is recorded (whether the search beats it at a budget of 60 is searchWorst.test.ts's question).
    expect(entry.randomWorstRatio).toBeGreaterThan(0);
    expect(entry.randomWorstRatio).toBeLessThanOrEqual(0.5);
    expect(refresh().db).toEqual(db);
  });

  it('replayCases revives the stored case; checkReading runs it first, so its ratio comes back', () => {
    const { db } = refresh();
    const [c] = replayCases(eq25, 'restored', db);
    expect(eq25.describe(c!)).toEqual(db['eq-25']!.restored!.case);
    expect(replayCases(eq25, 'literal', db)).toEqual([]);
    const statement = { ...eq25, arbitrary: () => fc.constant<MatrixCase>({ ...c!, t: 1e-12 }) };
    const check = (worstCases: typeof db | false) => checkReading(statement, eq25.readings[0]!, { runs: 2, seed: 1, shrinkEvaluations: 10, worstCases });
    expect(check(db).worstRatio).toBe(db['eq-25']!.restored!.ratio);
    expect(check(false).worstRatio).toBeLessThan(1e-3);
  });

  it('a stale entry names the refresh command; a missing file is an empty database', () => {
    const stale = { 'eq-25': { restored: { ...refresh().db['eq-25']!.restored!, case: { n: 0 } } } };
    expect(() => replayCases(eq25, 'restored', stale)).toThrow(NtkError);
    expect(() => replayCases(eq25, 'restored', stale)).toThrow(/ntk-check search --all --write/);
    const dir = mkdtempSync(join(tmpdir(), 'ntk-worst-'));
    try {
      expect(loadWorstCases(join(dir, 'none.json'))).toEqual({});
      writeFileSync(join(dir, 'bad.json'), '[1]');
      expect(() => loadWorstCases(join(dir, 'bad.json'))).toThrow(/bad\.json: \(root\)=array\(length 1\) must be as the schema says/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
