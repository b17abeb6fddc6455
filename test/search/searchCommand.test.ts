import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorstCases } from '../../src/io/worstCaseDb.js';
import { runCli } from '../cli/runCli.js';

describe('ntk-check search', () => {
  it('--json: {id, worstRatio, instance, certified, evaluations} and the random baseline at the same budget', async () => {
    const { code, out } = await runCli('search', 'eq-25', '--evaluations', '200', '--seed', '3', '--baseline', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ id: 'eq-25', reading: 'restored', certified: true, evaluations: 200, seed: 3, verdict: 'pass' });
    expect(Object.keys(report).slice(0, 5)).toEqual(['id', 'worstRatio', 'instance', 'certified', 'evaluations']);
    expect(report.worstRatio).toBeGreaterThanOrEqual(report.randomWorstRatio as number);
    expect(typeof (report.instance as { t: unknown }).t).toBe('number');
    expect(['random', 'aligned', 'cancel']).toContain((report.instance as { mode: unknown }).mode);
  });

  it('a time budget and a named reading', async () => {
    const { code, out } = await runCli('search', 'lemma-3.3', '--reading', 'restored', '--budget', '0.2', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { evaluations: number }).evaluations).toBeGreaterThan(0);
  });

  it('--write --db PATH: the shipped database merged with the new case, written to PATH only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-search-db-'));
    try {
      const db = join(dir, 'worst.json');
      const { code, out } = await runCli('search', 'eq-25', '--evaluations', '20', '--seed', '3', '--write', '--db', db);
      expect(code).toBe(0);
      expect(out).toContain(`wrote ${db}`);
      const written = JSON.parse(readFileSync(db, 'utf8')) as Record<string, unknown>;
      // Every statement the shipped database holds is still there: an ID merges, it does not replace.
      expect(Object.keys(written).sort()).toEqual(Object.keys(loadWorstCases()).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['search', 'eq-25', '--db', 'x.json'], /--db="x.json" must be given with --write/],
    [['search', 'eq-25', '--write', '--db', ' '], /--db=" " must be a file path/],
    [['search'], /ID=undefined must be given, or --all/],
    [['search', 'eq-25', '--all'], /must be given, or --all \(not both\)/],
    [['search', 'nope'], /ID="nope" must be a statement id/],
    [['search', 'eq-25', '--evaluations', '0'], /--evaluations=0 must be an integer in \[1, 10000000\]/],
    [['search', 'eq-25', '--budget', '-1'], /--budget=-1 must be a finite number > 0|argument is ambiguous/],
    [['search', 'eq-25', '--budget', 'abc'], /--budget="abc" must be a finite number/],
    [['search', 'eq-25', '--budget', '5', '--write'], /--budget="5" must be absent with --write/],
    [['search', '--all', '--reading', 'restored'], /--reading="restored" must be absent with --all/],
    [['search', 'eq-25', '--reading', 'nope'], /--reading="nope" must be one of restored, literal, mutant/],
    [['search', 'eq-25', '--seed', '1.5'], /--seed=1.5 must be an integer/],
    [['search', 'eq-25', '--bogus'], /flag="--bogus" must be a flag of this command/],
  ])('bad arguments exit 2 with one line: %j', async (argv, message) => {
    const { code, out, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('ntk-check search --branch / --optimizer', () => {
  it('--branch kappa searches the kappa branch alone; every branch met is reported, re-checked', async () => {
    const { code, out } = await runCli('search', 'thm-1.2', '--branch', 'kappa', '--evaluations', '150', '--seed', '2', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      branch: string;
      worstRatio: number;
      certification: { branch: string };
      branches: Record<string, { worstRatio: number }>;
      optimizer: string;
    };
    expect(r).toMatchObject({ branch: 'kappa', optimizer: 'nelder-mead', certification: { branch: 'kappa' } });
    expect(r.worstRatio).toBe(r.branches.kappa!.worstRatio);
    expect(r.worstRatio).toBeGreaterThan(0);
    expect(r.worstRatio).toBeLessThan(1);
  });

  it('a plain search reports the worst ratio per branch; the evolution optimizer is the former search', async () => {
    const { code, out } = await runCli('search', 'prop-3.1', '--evaluations', '120', '--seed', '1', '--optimizer', 'evolution');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^prop-3\.1\/restored: worst ratio [\d.]+ \(120 evaluations, [\d.]+ s, evolution, seed 1, certified\); per branch: (linearized|nonlinear) [\d.]+/,
    );
  });

  it.each([
    [['search', 'thm-1.2', '--branch', 'nope'], /--branch="nope" must be one of "kappa", "kappa:n=1", "kappa:n>1", "saturated"/],
    [['search', 'eq-25', '--branch', 'kappa'], /--branch="kappa" must be absent: the bound of eq-25\/restored has no branches/],
    [['search', '--all', '--branch', 'kappa'], /--branch="kappa" must be absent with --all/],
    [['search', 'eq-25', '--optimizer', 'cma'], /--optimizer="cma" must be one of "evolution", "nelder-mead"/],
  ])('bad arguments exit 2 with one line: %j', async (argv, message) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
