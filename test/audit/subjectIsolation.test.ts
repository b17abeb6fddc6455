import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/audit/auditIntegrator.js';
import { AuditSubject } from '../../src/audit/AuditSubject.js';
import { CommandRunner } from '../../src/audit/subject/CommandRunner.js';
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
    // A 1 s deadline for the subject that hangs; the others get 10 s, so that on a loaded machine the subject that
    // leaks memory reaches the 64 MB limit (a crash) before the deadline (a hang) - it did not at a load of 15-20.
    const timeout = expected.findings.includes('hangs') ? '1' : '10';
    const { status, stdout, stderr, seconds } = cli(join(EXAMPLES_DIR, file), '--quick', '--json', '--timeout', timeout, '--memory', '64');
    console.log(`${file}: audit with --timeout ${timeout} --memory 64 took ${seconds.toFixed(1)} s`);
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

  it('speaks the adaptive variant: tolerances out, f requests answered, the optional fields back; a timeout kills and restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-audit-py-'));
    const program = join(dir, 'euler_by_tolerance.py');
    writeFileSync(
      program,
      [
        'import sys, time',
        `sys.path.insert(0, ${JSON.stringify(join(process.cwd(), EXAMPLES_DIR, 'python'))})`,
        'from ntk_audit_client import serve',
        'def solve(f, t0, y0, t1, tol):',
        '    if tol["rtol"] < 1e-9: time.sleep(60)',
        '    n = int(1 / tol["rtol"] ** 0.5); h = (t1 - t0) / n; y = list(y0)',
        '    for i in range(n): y = [v + h * d for v, d in zip(y, f(t0 + i * h, y))]',
        '    return {"y": y, "errorEstimate": 1e-3, "acceptedSteps": n, "rejectedSteps": 0, "evaluations": n}',
        'serve("euler by tolerance", 1, solve, adaptive=True)',
      ].join('\n'),
    );
    const subject = await AuditSubject.open(new CommandRunner(`python3 ${program}`), { timeoutMs: 2000 });
    expect(subject.adaptive).toBe(true);
    const decay = { dim: 1, rhs: (_t: number, y: ArrayLike<number>) => [-(y[0] as number)] };
    const out = await subject.solveTo(decay, 0, Float64Array.of(1), 1, { rtol: 1e-4, atol: 1e-6 });
    expect(out).toMatchObject({ status: 'solved', evaluations: 100, errorEstimate: 1e-3, acceptedSteps: 100, rejectedSteps: 0 });
    expect(out.status === 'solved' ? out.y[0] : NaN).toBeCloseTo(Math.exp(-1), 2);
    const late = await subject.solveTo(decay, 0, Float64Array.of(1), 1, { rtol: 1e-10, atol: 1e-12 });
    // Six decades tighter than the last answered call: whether that "hangs" or is "too slow" depends on the machine's speed.
    expect(late.status === 'failed' && !late.skipped ? late.failure.kind : late.status).toMatch(/^(hangs|too-slow)$/);
    expect(await subject.solveTo(decay, 0, Float64Array.of(1), 1, { rtol: 1e-11, atol: 1e-12 })).toMatchObject({ status: 'failed', skipped: true });
    expect(await subject.solveTo(decay, 0, Float64Array.of(1), 1, { rtol: 1e-2, atol: 1e-6 })).toMatchObject({ status: 'solved', evaluations: 10 }); // a fresh process
    await subject.close();
  });

  it('the client with a wrong RK4 weight fails with the order finding', async () => {
    const { report } = await auditCommand(client('rk4_wrong_weight.py'), SMALL);
    expect(report.findings.map((f) => f.kind)).toEqual(['order']);
    expect(report.findings[0]?.detail).toMatch(/below the claimed 4 .*lowest (1\.9|2\.0)\d/);
  });
});
