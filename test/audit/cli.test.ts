import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './examples.js';

const example = (file: string) => `${EXAMPLES_DIR}/${file}`;

/**
 * The built CLI on plain Node (npm test builds first). Audits run their module in a worker thread, which from
 * the built JavaScript starts at once (from the TypeScript sources it must load the compiler first).
 */
function builtCli(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ['bin/ntk-check.js', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const CONTRACT = ['name', 'claimedOrder', 'observedOrder', 'errorFloor', 'verdict', 'findings', 'seed'];

describe('ntk-check audit', () => {
  it('prints the contract JSON and exits 0 on a pass; the same seed gives the same report', () => {
    const first = builtCli('audit', example('midpoint.js'), '--json', '--quick', '--seed', '5');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, CONTRACT.length)).toEqual(CONTRACT); // fields may be added after these
    expect(report.contract).toBe('fixed-step');
    expect(report).toMatchObject({ name: 'midpoint (hand-written)', claimedOrder: 2, verdict: 'pass', findings: [], seed: 5 });
    expect(Math.abs((report.observedOrder as number) - 2)).toBeLessThan(0.1);
    expect(builtCli('audit', example('midpoint.js'), '--json', '--quick', '--seed', '5').out).toBe(first.out);
  });

  it('exits 1 on a fail, with the seed, the convergence and work-precision tables and the findings', () => {
    const { code, out } = builtCli('audit', example('rk4-frozen-clock.mjs'), '--quick');
    expect(code).toBe(1);
    expect(out).toMatch(/^audit of "rk4 with a frozen clock" \(.*rk4-frozen-clock\.mjs\), claimed order 4, seed 20231129$/m);
    expect(out).toMatch(/^ {2}probe +order +fitted over +best error/m);
    expect(out).toMatch(/^work-precision/m);
    expect(out).toMatch(/^ {2}steps +f-evals +autonomous +non-autonomous +vector$/m);
    expect(out).toMatch(/^ {2}4 +16 +\d\.\de-\d+ /m);
    expect(out).toMatch(/^verdict: FAIL {2}observed order \d\.\d\d \(claimed 4\), error floor \d\.\de-\d+ /m);
    expect(out).toMatch(/^ {2}- time-dependence: /m);
  });

  it.each([
    [[example('solve-throws.mjs')], /^ntk-check audit: MODULE=".*solve-throws\.mjs" must be an integrator module whose solve does not throw/],
    [[example('no-default-export.mjs'), '--json'], /^ntk-check audit: MODULE=.* \(it has no default export\)$/m],
    [[], /^ntk-check audit: MODULE="" must be one \.js, \.mjs or \.ts file$/m],
    [[example('midpoint.js'), '--seed', '1.5'], /^ntk-check audit: --seed=1.5 must be an integer/],
  ])('exits 2 with one line when the module cannot be used: %j', (args, message) => {
    const { code, out, err } = builtCli('audit', ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it('audits a .ts module from the built CLI on plain Node (TypeScript transpiled on the fly)', () => {
    const result = spawnSync(process.execPath, ['bin/ntk-check.js', 'audit', example('heun.ts'), '--json', '--quick'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'heun (ntk-check integrateFixed)', claimedOrder: 2, verdict: 'pass' });
  });
});
