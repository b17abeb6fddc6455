import { describe, expect, it } from 'vitest';
import { checkReading } from '../../src/check/checkReading.js';
import { loadErrata } from '../../src/check/errataDb.js';
import { OPEN_CONJECTURES } from '../../src/explore/openConjectures.js';
import { findStatement } from '../../src/statements/registry.js';
import { runCli } from './runCli.js';

interface CheckJson {
  runs: number;
  verdict: string;
  counterexample?: { case: unknown; ratio: number; seed: number; path: string };
  replay?: string;
}

/** Run a printed `npx ntk-check check ...` replay command in-process. */
async function runReplay(command: string): Promise<{ code: number; report: CheckJson }> {
  const [npx, bin, ...argv] = command.split(' ');
  expect(`${npx} ${bin}`).toBe('npx ntk-check');
  const { code, out } = await runCli(...argv, '--json');
  return { code, report: JSON.parse(out) as CheckJson };
}

describe('replay: check ID --reading R --seed S --path P', () => {
  it('a counterexample found by generation replays exactly, in one run, from the printed command', async () => {
    const first = await runCli('check', 'thm-1.2', '--reading', 'mutant', '--runs', '50', '--seed', '7', '--json');
    const found = JSON.parse(first.out) as CheckJson;
    expect(found.verdict).toBe('refuted');
    expect(found.replay).toBe(`npx ntk-check check thm-1.2 --reading mutant --seed 7 --path ${found.counterexample?.path}`);
    const replayed = await runReplay(found.replay!);
    expect(replayed.report.runs).toBe(1);
    expect(replayed.report.verdict).toBe('refuted');
    expect(replayed.report.counterexample).toEqual(found.counterexample);
    expect(replayed.report.replay).toBe(found.replay);
  });

  it('a committed counterexample (replayed first by check) prints the seed and path that regenerate it', async () => {
    const stored = loadErrata()['eq-25']?.literal;
    expect(stored).toBeDefined();
    const { out } = await runCli('check', 'eq-25', '--reading', 'literal');
    expect(out).toContain(`replay: npx ntk-check check eq-25 --reading literal --seed ${stored!.seed} --path ${stored!.path}`);
  });

  it('every counterexample of properties/errata.json replays: from its seed and path alone, or (found by a search) as the stored case', () => {
    for (const [id, readings] of Object.entries(loadErrata())) {
      const statement = findStatement(id) ?? OPEN_CONJECTURES.find((c) => c.id === id);
      expect(statement, id).toBeDefined();
      if (statement === undefined) continue;
      for (const [name, stored] of Object.entries(readings)) {
        const reading = statement.readings.find((r) => r.name === name)!;
        const replay =
          stored.example === undefined
            ? { runs: 1, seed: stored.seed, path: stored.path, shrinkEvaluations: 0 }
            : { runs: 1, seed: stored.seed, shrinkEvaluations: 0, worstCases: false as const, examples: [statement.revive(stored.case)] };
        const result = checkReading(statement, reading, replay);
        expect(result.verdict, `${id}/${name}`).toBe('refuted');
        // Compared as stored: JSON has no -0.
        if (result.verdict === 'refuted') expect(JSON.parse(JSON.stringify(result.counterexample.case)), `${id}/${name}`).toEqual(stored.case);
      }
    }
  });

  it('a case that passes at its path is no counterexample (the replay judges that case alone)', async () => {
    const { code, out } = await runCli('check', 'thm-1.2', '--reading', 'restored', '--seed', '7', '--path', '0', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ verdict: 'holds', runs: 1 });
  });

  it.each(['x', '1:', '-1', '1:a'])('--path %j is bad input (exit 2, one line)', async (path) => {
    const { code, err } = await runCli('check', 'thm-1.2', '--path', path);
    expect(code).toBe(2);
    expect(err).toMatch(/^ntk-check check: --path=".*" must be a fast-check path/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
