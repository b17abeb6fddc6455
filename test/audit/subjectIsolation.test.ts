import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/audit/auditIntegrator.js';
import { QUICK_AUDIT } from '../../src/audit/AuditOptions.js';
import { EXAMPLES_DIR, EXPECTED } from './examples.js';

/** The built CLI on plain Node (npm test builds first): modules run in worker threads from dist/. */
function cli(...args: string[]) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['bin/ntk-check.js', 'audit', ...args], { encoding: 'utf8' });
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

const isolated = Object.entries(EXPECTED).flatMap(([file, e]) => (e.verdict === 'fail' && e.isolated === true ? [[file, e] as const] : []));

describe('subjects under a deadline (worker threads)', () => {
  it.each(isolated)('%s: the failure is a finding, the rest of the audit runs', (file, expected) => {
    const { status, stdout, stderr, seconds } = cli(join(EXAMPLES_DIR, file), '--quick', '--json', '--timeout', '1', '--memory', '64');
    console.log(`${file}: audit with --timeout 1 --memory 64 took ${seconds.toFixed(1)} s`);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { findings: { kind: string; detail: string }[]; observedOrder: number };
    expect(report.findings.map((f) => f.kind)).toEqual(expected.findings);
    expect(report.findings.some((f) => expected.names.test(f.detail))).toBe(true);
    expect(report.findings[0]?.detail).toMatch(/later calls at least as demanding were skipped, the rest of the audit ran/);
    // The convergence study went on below the failing step count: RK4's order is still measured.
    expect(Math.abs(report.observedOrder - 4)).toBeLessThan(0.3);
  });

  it('ntk-check audit --command: a program that does not speak the protocol cannot be used (exit 2, one line)', () => {
    const { status, stdout, stderr } = cli('--command', 'echo hello', '--quick');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ntk-check audit: --command="echo hello" must be an integrator program that answers the hello .*\(it wrote "hello"\)\n$/);
  });

  it('--out DIR writes the JSON report and both SVG plots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-audit-out-'));
    const { status, stdout } = cli(join(EXAMPLES_DIR, 'midpoint.js'), '--quick', '--json', '--out', dir);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8'))).toEqual(JSON.parse(stdout));
    for (const name of ['convergence.svg', 'work-precision.svg']) {
      const svg = readFileSync(join(dir, name), 'utf8');
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('autonomous probe #1');
    }
    expect(readFileSync(join(dir, 'convergence.svg'), 'utf8')).toContain('steps');
    expect(readFileSync(join(dir, 'work-precision.svg'), 'utf8')).toContain('f evaluations per solve');
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
if (!hasPython) console.warn('test/audit/subjectIsolation.test.ts: skipping the Python protocol clients: python3 was not found on PATH');
const client = (file: string) => `python3 ${join(EXAMPLES_DIR, 'python', file)}`;
/** Smaller than --quick: the protocol costs a pipe round trip per f evaluation. */
const SMALL = { ...QUICK_AUDIT, parameterSets: 1, maxSteps: 512, invariantRuns: 5 };

describe.skipIf(!hasPython)('integrators in other languages (--command, Python reference clients)', () => {
  it('the reference RK4 client passes (auditCommand: what --command runs)', async () => {
    const { report } = await auditCommand(client('rk4.py'), SMALL);
    expect(report).toMatchObject({ name: 'rk4 (Python, protocol client)', verdict: 'pass', findings: [] });
    expect(Math.abs((report.observedOrder ?? NaN) - 4)).toBeLessThan(0.15);
  });

  it('the client with a wrong RK4 weight fails with the order finding', async () => {
    const { report } = await auditCommand(client('rk4_wrong_weight.py'), SMALL);
    expect(report.findings.map((f) => f.kind)).toEqual(['order']);
    expect(report.findings[0]?.detail).toMatch(/below the claimed 4 .*lowest (1\.9|2\.0)\d/);
  });

});
