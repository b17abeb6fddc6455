import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';

const example = (file: string) => join('examples', 'models', file);

/** Few cases per statement: the examples' outcomes, not the theory, are under test here. */
const QUICK = ['--runs', '3', '--json'];

describe('ntk-check model on examples/models', () => {
  it.each([['tanh-net.ts'], ['cubic-features.ts']])('%s passes every applicable statement and prints its lazy horizon', async (file) => {
    const { code, out, err } = await runCli('model', example(file), ...QUICK);
    expect(err).toBe('');
    const report = JSON.parse(out);
    expect(report).toMatchObject({ verdict: 'pass', label: 'certified', findings: [] });
    expect(report.statements.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['thm-1.2', 'thm-3.2', 'prop-3.1', 'eq-19', 'prop-1.1', 'eq-26', 'eq-27', 'flow.residual', 'flow.energy']),
    );
    expect(report.statements.every((s: { verdict: string }) => s.verdict === 'holds')).toBe(true);
    expect(report.horizon.T).toBeGreaterThan(0);
    expect(report.horizon.limitedBy).toBe('epsilon');
    expect(code).toBe(0);
  });

  it.each([
    ['tanh-net-wrong-jacobian.ts', 'jacobian', /jacobian\(w\)\[\d+\]\[\d+\] = .* but the central difference .* gives .* off by .*x its error bound/],
    [
      'tanh-net-underestimated-lipdh.ts',
      'lipDh',
      /declared lipDh\(1\) = 0\.00100000 but \|\|Dh\(u\) - Dh\(v\)\|\| \/ \|\|u - v\|\| = .* \(ratio \d+.*\) at u = \[.*\], v = \[.*\]/,
    ],
    ['log-nan-on-ball.mjs', 'non-finite', /value\(w\) returned NaN .* at w = \[.*\], inside the ball/],
  ])('%s exits 1 with a %s finding and no theorem run', async (file, kind, message) => {
    const { code, out } = await runCli('model', example(file), ...QUICK);
    const report = JSON.parse(out);
    expect(report.verdict).toBe('finding');
    expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual([kind]);
    expect(report.findings[0].message).toMatch(message);
    expect(report.statements).toEqual([]);
    expect(code).toBe(1);
  });

  it('names the defect in the human-readable report too', async () => {
    const { code, out } = await runCli('model', example('tanh-net-underestimated-lipdh.ts'), '--runs', '3');
    expect(out).toMatch(/FINDINGS against the model \(no theorem was run\):\n {2}\[lipDh\] declared lipDh/);
    expect(out).not.toMatch(/refuted/);
    expect(code).toBe(1);
  });

  it.each([
    [
      [example('no-default-export.mjs')],
      /^ntk-check model: MODULE=".*no-default-export\.mjs" must be a module whose default export is .*\(it has no default export\)$/,
    ],
    [[example('wrong-shapes.mjs')], /^ntk-check model: MODULE=.* \(its value\(w0\) returned 3 entries, not 2 numbers\)$/],
    [[example('value-throws.mjs')], /^ntk-check model: MODULE=.* \(its value\(w0\) threw Error: forward pass not implemented\)$/],
    [[example('does-not-load.mjs')], /^ntk-check model: MODULE=.* must be an importable module \(importing it threw Error: missing weights file\)$/],
    [[example('missing.mjs')], /^ntk-check model: MODULE=.* must be an existing file$/],
    [[], /^ntk-check model: MODULE="" must be one \.js, \.mjs or \.ts file$/],
    [[example('tanh-net.ts'), '--statement', 'thm-1.3'], /^ntk-check model: --statement="thm-1.3" must be one of flow\.residual, /],
    [[example('tanh-net.ts'), '--alpha=-1'], /^ntk-check model: alpha=-1 must be/],
  ])('exits 2 with one line when the module or a flag cannot be used: %j', async (args, message) => {
    const { code, out, err } = await runCli('model', ...args);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.trimEnd()).toMatch(message);
    expect(code).toBe(2);
  });

  it('takes the targets from --targets FILE (the horizon trains towards the first one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-targets-'));
    try {
      const file = join(dir, 'targets.json');
      writeFileSync(
        file,
        JSON.stringify([
          [1, 0, 0, 0],
          [0, 1, 0, 0],
        ]),
      );
      const { code, out } = await runCli(
        'model',
        example('cubic-features.ts'),
        '--targets',
        file,
        '--alpha',
        '3',
        '--statement',
        'thm-1.2',
        '--runs',
        '4',
        '--json',
      );
      const report = JSON.parse(out);
      const g = (z: number) => z + z ** 3 / 6;
      const h0 = [0.35, -0.25, 0.35, -0.25].map(g); // g(<x_k, w0>), w0 = (0.2, -0.1, 0.3)
      const R0 = 0.5 * h0.reduce((s, h, k) => s + ((k === 0 ? 1 : 0) - 3 * h) ** 2, 0);
      expect(report.ntk.R0).toBeCloseTo(R0, 12);
      expect(report.statements[0].replay).toContain(`--targets ${file}`);
      expect(code).toBe(0);
      writeFileSync(file, JSON.stringify([[1, 2]]));
      const bad = await runCli('model', example('cubic-features.ts'), '--targets', file);
      expect(bad.code).toBe(2);
      expect(bad.err.trimEnd()).toMatch(/^ntk-check model: targets\[0\]=.*\(length 2\) must be an array of length 4$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
