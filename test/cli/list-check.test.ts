import { describe, expect, it } from 'vitest';
import { registry } from '../../src/statements/registry.js';
import { runCli } from './runCli.js';

describe('ntk-check list', () => {
  it('prints [{id, source, relation, readings: [{name, formula, expected}]}] for every statement', async () => {
    const { code, out } = await runCli('list', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as { id: string; source: string; relation: string; readings: { name: string; formula: string; expected: string }[] }[];
    expect(entries.map((e) => e.id)).toEqual(registry.map((s) => s.id));
    for (const e of entries) {
      expect(typeof e.source).toBe('string');
      expect(['<=', '>=']).toContain(e.relation);
      for (const r of e.readings) expect(['holds', 'refuted']).toContain(r.expected);
    }
  });
});

describe('ntk-check check', () => {
  it('checks the default (holding) reading and exits 0 when the verdict matches', async () => {
    const { code, out } = await runCli('check', 'lemma-3.3', '--runs', '30', '--seed', '5', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ id: 'lemma-3.3', reading: 'restored', runs: 30, verdict: 'holds' });
    expect(report.worstRatio).toBeLessThan(1);
  });

  it('reports a refuted reading with its counterexample (exit 0: matches the registry)', async () => {
    const { code, out } = await runCli('check', 'eq-25', '--reading', 'literal', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { verdict: string; counterexample: { bound: { lhs: number; rhs: number } } };
    expect(report.verdict).toBe('refuted');
    expect(report.counterexample.bound.lhs).toBeGreaterThan(report.counterexample.bound.rhs);
  });

  it('--json carries the worst ratio per branch of the bound (worstRatioByBranch), the largest being worstRatio', async () => {
    const { code, out } = await runCli('check', 'thm-1.3', '--runs', '30', '--seed', '5', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { worstRatio: number; worstRatioByBranch: Record<string, number> };
    expect(Object.keys(report.worstRatioByBranch)).toEqual(['kappa', 'saturated']);
    expect(Math.max(...Object.values(report.worstRatioByBranch))).toBe(report.worstRatio);
    const matrix = JSON.parse((await runCli('check', 'lemma-3.3', '--runs', '10', '--json')).out) as {
      worstRatio: number;
      worstRatioByBranch: Record<string, number>;
    };
    expect(matrix.worstRatioByBranch).toEqual({ none: matrix.worstRatio });
  });

  it('is deterministic for a seed', async () => {
    const a = await runCli('check', 'eq-25', '--runs', '20', '--seed', '9', '--json');
    const b = await runCli('check', 'eq-25', '--runs', '20', '--seed', '9', '--json');
    expect(a.out).toBe(b.out);
  });

  it.each([
    [['nope'], /ID="nope" must be a statement id/],
    [['thm-1.2', '--reading', 'bogus'], /--reading="bogus" must be one of restored, literal, mutant/],
    [['thm-1.2', '--runs', '0'], /--runs=0 must be an integer/],
    [['thm-1.2', '--seed', 'x'], /--seed="x"/],
  ])('bad arguments %j: exit 2, one line', async (args, message) => {
    const { code, err } = await runCli('check', ...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
