import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'ntk-solve-'));
function instanceFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const converse = { model: { kind: 'scalar', a: 1 / Math.sqrt(2), b: 0.7 }, w0: [0], yStar: [Math.sqrt(3)], alpha: 3, T: 2 };
const quadratic = {
  model: {
    kind: 'quadratic',
    h0: [0, 0.5],
    G: [
      [1, 0, 0.5],
      [0, 1, 0],
    ],
    Q: [
      [
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
    ],
  },
  w0: [0, 0, 0],
  yStar: [1, -1],
  alpha: 2,
  T: 1.5,
};

describe('ntk-check solve', () => {
  it('prints the contract JSON and reproduces the converse closed form', async () => {
    const { code, out } = await runCli('solve', '--instance', instanceFile('converse.json', converse), '--json', '--repeat', '3');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number>;
    for (const key of ['E', 'R0', 'kappa', 'lipDh', 'weightChange', 'linearWeightChange', 'rhsEvaluations', 'milliseconds', 'errorEstimate']) {
      expect(Number.isFinite(result[key]), key).toBe(true);
    }
    const c = 2 * Math.SQRT2 * result.kappa!;
    const closed = Math.sqrt(3) * ((Math.exp(1 + c) - 1) / (Math.exp(1 + c) + c) - 1 + Math.exp(-1));
    expect(Math.abs(result.E! - closed) / closed).toBeLessThan(1e-9);
    expect(result.kappa).toBeCloseTo((2 * 0.7 * Math.sqrt(1.5)) / 3, 12);
    // the primary solve alone: its time and r(T) (the converse model has one output)
    expect(result.primaryMilliseconds).toBeGreaterThan(0);
    const primaryResidual = (result as unknown as { primaryResidual: number[] }).primaryResidual;
    expect(primaryResidual).toHaveLength(1);
    expect(Number.isFinite(primaryResidual[0])).toBe(true);
    // the integrator 'auto' chose, recorded (T lambda_max(K0) is small here: explicit dopri5 at rtol 1e-10; the pair
    // the exponential path would have used at that rtol is zb43)
    const chosen = result as unknown as { method: string; tableau: string; exponentialMethod: string };
    expect([chosen.method, chosen.tableau, chosen.exponentialMethod]).toEqual(['explicit', 'dopri5', 'zb43']);
  });

  it('reports E against the bounds of Thm 1.2, Prop 1.1 (b) and eq. (19) (converse instance: closed forms)', async () => {
    const { out } = await runCli('solve', '--instance', instanceFile('converse-bounds.json', converse), '--json');
    const result = JSON.parse(out) as { E: number; R0: number; bounds: { id: string; reading: string; bound: number; ratio: number; branch?: string }[] };
    expect(result.bounds.map((b) => `${b.id}/${b.reading}`)).toEqual(['thm-1.2/restored', 'prop-1.1/restored-b', 'eq-19/restored']);
    const [thm12, prop11b, eq19] = result.bounds;
    // R0 = 3/2; kappa = T b sqrt(R0) / alpha (Lip(Dh) = b everywhere): 6 kappa sqrt(R0) = 4.2 > sqrt(8 R0) = sqrt(12).
    expect(result.R0).toBeCloseTo(1.5, 14);
    expect(thm12).toMatchObject({ bound: Math.sqrt(12), branch: 'saturated' });
    // eq. (19) on the ball rho = sqrt(T R0) / alpha, where Lip(h) = a + b rho.
    const rho = Math.sqrt(2 * 1.5) / 3;
    expect(eq19!.bound).toBeCloseTo(((4 * Math.SQRT2) / 3) * 2 ** 1.5 * (1 / Math.SQRT2 + 0.7 * rho) * 0.7 * (1.5 / 3), 12);
    expect(prop11b!.bound).toBeGreaterThan(0);
    for (const b of result.bounds) expect(b.ratio).toBe(result.E / b.bound);
    const table = (await runCli('solve', '--instance', instanceFile('converse-table.json', converse))).out;
    expect(table).toMatch(/^thm-1\.2 bound +3\.46410161513775\d* +E\/bound 0\.\d+ \(saturated branch\)/m);
  });

  it('solves a quadratic instance with a human-readable table by default', async () => {
    const { code, out } = await runCli('solve', '--instance', instanceFile('quadratic.json', quadratic));
    expect(code).toBe(0);
    expect(out).toMatch(/^E\s+\d/m);
  });

  it.each([
    ['missing file', ['--instance', join(dir, 'nope.json')], /--instance=.*must be a readable file \(ENOENT\)/],
    ['malformed JSON', ['--instance', instanceFile('bad.json', '{"model": ')], /must be a JSON file/],
    ['unknown kind', ['--instance', instanceFile('kind.json', { ...converse, model: { kind: 'cubic' } })], /model\.kind=.*"cubic"/],
    ['alpha <= 0', ['--instance', instanceFile('alpha.json', { ...converse, alpha: 0 })], /alpha=0 must be/],
    ['T < 0', ['--instance', instanceFile('T.json', { ...converse, T: -1 })], /T=-1 must be/],
    ['non-finite', ['--instance', instanceFile('nan.json', JSON.stringify(converse).replace('"alpha":3', '"alpha":"NaN"'))], /alpha=/],
    ['shape mismatch', ['--instance', instanceFile('shape.json', { ...quadratic, yStar: [1] })], /yStar/],
    ['bad rtol', ['--instance', instanceFile('ok.json', converse), '--rtol', 'abc'], /--rtol="abc" must be a finite number/],
    ['unknown flag', ['--instance', instanceFile('ok2.json', converse), '--fast'], /flag="--fast" must be a flag of this command/],
    ['no instance', [], /--instance=undefined/],
  ])('bad input (%s): exit 2 and one line naming the field', async (_name, args, message) => {
    const { code, out, err } = await runCli('solve', ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it('the installed bin exits 2 with one line and no stack trace', () => {
    const result = spawnSync(process.execPath, ['bin/ntk-check.js', 'solve', '--instance', join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(execFileSync(process.execPath, ['bin/ntk-check.js', '--help'], { encoding: 'utf8' })).toMatch(/usage: ntk-check/);
  });
});
