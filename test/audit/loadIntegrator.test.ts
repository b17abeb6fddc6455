import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditProblem } from '../../src/audit/AuditProblem.js';
import type { IntegratorModule } from '../../src/audit/IntegratorModule.js';
import { loadIntegrator } from '../../src/audit/loadIntegrator.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { inProcessSubject } from './inProcessSubject.js';

const dir = mkdtempSync(join(tmpdir(), 'ntk-audit-load-'));
function moduleFile(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const EULER = `{ name: 'euler', order: 1, solve(f, t0, y0, t1, steps) {
  const h = (t1 - t0) / steps; let y = [...y0];
  for (let i = 0; i < steps; i++) { const k = f(t0 + i * h, y); y = y.map((v, j) => v + h * k[j]); }
  return y; } }`;

describe('loadIntegrator', () => {
  it.each(['euler.mjs', 'euler.js'])('loads the default export of a %s module', async (name) => {
    const m = await loadIntegrator(moduleFile(name, `export default ${EULER};`));
    expect(m.name).toBe('euler');
    expect(m.order).toBe(1);
    const solve = m.solve as IntegratorModule['solve'];
    expect(solve((_t, y) => y.map((v) => -v), 0, [1], 1, 1000)[0]).toBeCloseTo(Math.exp(-1), 3);
  });

  it('loads a .ts module (types erased)', async () => {
    const source = `const order: number = 1;\nexport default { ...${EULER}, order } satisfies { order: number };\n`;
    expect((await loadIntegrator(moduleFile('euler.ts', source))).order).toBe(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.mjs'), /MODULE=".*missing\.mjs" must be an existing file/],
    ['another extension', () => moduleFile('euler.cjs', 'module.exports = {};'), /must be a \.js, \.mjs, \.ts file/],
    ['no default export', () => moduleFile('named.mjs', `export const integrator = ${EULER};`), /\(it has no default export\)/],
    ['a string order', () => moduleFile('order.mjs', `export default { ...${EULER}, order: 'four' };`), /\(its order is "four", not a finite number > 0\)/],
    ['no solve', () => moduleFile('nosolve.mjs', `export default { name: 'x', order: 2 };`), /\(its solve is not a function\)/],
    ['an empty name', () => moduleFile('noname.mjs', `export default { ...${EULER}, name: ' ' };`), /\(its name is not a non-empty string\)/],
    ['a syntax error', () => moduleFile('syntax.mjs', 'export default {'), /must be an importable module \(importing it threw \w*Error: /],
    ['a throw at import', () => moduleFile('boom.mjs', "throw new Error('boom');"), /importing it threw Error: boom\)/],
  ])('rejects %s with one NtkInputError line', async (_, path, message) => {
    const error = await loadIntegrator(path()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NtkInputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('AuditSubject', () => {
  const decay: AuditProblem = { dim: 2, rhs: (_t, y) => [-(y[0] as number), -2 * (y[1] as number)] };
  const subject = (solve: IntegratorModule['solve']) => inProcessSubject({ name: 'x', order: 1, solve });

  it('counts right-hand-side evaluations, copies y0 and reports non-finite results', async () => {
    const y0 = Float64Array.of(1, 1);
    const out = await (
      await subject((f, t0, y, t1) => {
        (y as number[])[0] = 99; // a misbehaving module may scribble on its y0
        return f(t0, f(t1, y));
      })
    ).solve(decay, 0, y0, 1, 1);
    expect(out).toMatchObject({ status: 'solved', evaluations: 2 });
    expect(y0[0]).toBe(1);
    expect(await (await subject(() => [NaN, 0])).solve(decay, 0, y0, 1, 1)).toMatchObject({ finite: false });
    expect(await (await subject(() => Float64Array.of(1, 2))).solve(decay, 0, y0, 1, 1)).toMatchObject({ y: Float64Array.of(1, 2) });
  });

  it.each([
    [
      'throws',
      () => {
        throw new RangeError('no');
      },
      /whose solve does not throw \(solve\(f, 0, \[1, 1\], 1, 1\) threw RangeError: no\)/,
    ],
    ['returns a shorter array', () => [1], /returns y\(t1\) as an array of 2 numbers .*returned an array of length 1\)/],
    ['returns strings', () => ['1', '2'], /returned an array holding a string\)/],
    ['returns undefined', () => undefined, /returned undefined\)/],
    [
      'calls f with the wrong y',
      (f: Parameters<IntegratorModule['solve']>[0]) => f(0, [1]),
      /calls f\(t, y\) with y an array of length 2 .*passed an array of length 1\)/,
    ],
  ] as const)('rejects a solve that %s', async (_, solve, message) => {
    await expect((await subject(solve as IntegratorModule['solve'])).solve(decay, 0, Float64Array.of(1, 1), 1, 1)).rejects.toThrow(message);
  });
});
