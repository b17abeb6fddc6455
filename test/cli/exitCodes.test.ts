import { describe, expect, it } from 'vitest';
import { createCheckCommand } from '../../src/cli/commands/check.js';
import { runCommand, type RunOptions } from '../../src/cli/runCommand.js';
import { NtkPrecisionError } from '../../src/errors/NtkPrecisionError.js';
import { NtkSolveError } from '../../src/errors/NtkSolveError.js';
import { findStatement, registry } from '../../src/statements/registry.js';
import type { AnyStatement } from '../../src/statements/Statement.js';

/**
 * Test-only statements beside the registry: a cheap real statement (eq-25) whose reading evaluates to NaN, throws
 * a plain TypeError (a bug), or whose hypothesis fails with an NtkPrecisionError or an NtkSolveError.
 */
const base = findStatement('eq-25') as AnyStatement;
const reading = (name: string, bound: AnyStatement['mutant']['bound']) => ({ name, formula: `${name} <= 1`, expected: 'holds' as const, bound });
const failing = (id: string, error: Error): AnyStatement => ({
  ...base,
  id,
  applies: () => {
    throw error;
  },
});
const testStatements: AnyStatement[] = [
  { ...base, id: 'test-nan', readings: [reading('nan', () => ({ lhs: Number.NaN, rhs: 1 }))] },
  {
    ...base,
    id: 'test-bug',
    readings: [
      reading('bug', () => {
        throw new TypeError('boom');
      }),
    ],
  },
  failing('test-precision', new NtkPrecisionError('test: digits ran out', 50)),
  failing('test-solve', new NtkSolveError('step-budget', 'test: too stiff', { t: 0.5, steps: 10 })),
];
const check = createCheckCommand([...registry, ...testStatements]);

/** Run the check command as the CLI does (help, exit codes, one-line failures), capturing its output. */
async function run(argv: string[], options: RunOptions = { debug: false }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommand(check, argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTty: false }, options);
  return { code, out, err };
}

describe('exit codes: an internal failure is never bad input', () => {
  it('a reading that evaluates to NaN exits 3 with one line naming the statement', async () => {
    const { code, out, err } = await run(['test-nan', '--runs', '3']);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toBe('ntk-check check: internal failure: statement test-nan: reading nan produced NaN (lhs=NaN, rhs=1)\n');
  });

  it.each([
    ['test-precision', 'precision lost (50 digits requested): test: digits ran out'],
    ['test-solve', 'solve failed (step-budget) at t=0.5 after 10 steps: test: too stiff'],
  ])('%s: an NtkError that is not bad input exits 3, not 2', async (id, message) => {
    const { code, err } = await run([id, '--runs', '3']);
    expect(code).toBe(3);
    expect(err).toBe(`ntk-check check: internal failure: ${message}\n`);
  });

  it('an unexpected throw exits 3 with one line; debug (NTK_DEBUG=1) adds the stack trace', async () => {
    const plain = await run(['test-bug', '--runs', '3']);
    expect(plain.code).toBe(3);
    expect(plain.err).toBe('ntk-check check: internal failure: unexpected TypeError: boom\n');
    const debug = await run(['test-bug', '--runs', '3'], { debug: true });
    expect(debug.code).toBe(3);
    expect(debug.err).toMatch(/^TypeError: boom\n\s+at /m);
  });

  it('bad input still exits 2, and --help still wins', async () => {
    const bad = await run(['test-nan', '--runs', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^ntk-check check: --runs=0 must be/);
    expect((await run(['test-nan', '--help'])).code).toBe(0);
  });
});
