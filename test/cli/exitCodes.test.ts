import { afterEach, describe, expect, it, vi } from 'vitest';
import { NtkPrecisionError } from '../../src/errors/NtkPrecisionError.js';
import type { AnyStatement } from '../../src/statements/Statement.js';
import { runCli } from './runCli.js';

/**
 * Test-only statements injected into the registry: a cheap real statement (eq-25) whose reading evaluates to NaN,
 * throws a plain TypeError (a bug), or whose hypothesis fails with an NtkPrecisionError (an internal failure).
 */
vi.mock('../../src/statements/registry.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/statements/registry.js')>();
  const base = actual.findStatement('eq-25') as AnyStatement;
  const reading = (name: string, bound: AnyStatement['mutant']['bound']) => ({ name, formula: `${name} <= 1`, expected: 'holds' as const, bound });
  const broken: AnyStatement[] = [
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
    {
      ...base,
      id: 'test-precision',
      applies: () => {
        throw new NtkPrecisionError('test: digits ran out', 50);
      },
    },
  ];
  const registry = [...actual.registry, ...broken];
  return { registry, findStatement: (id: string) => registry.find((s) => s.id === id) };
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('exit codes: an internal failure is never bad input', () => {
  it('a reading that evaluates to NaN exits 3 with one line naming the statement', async () => {
    const { code, out, err } = await runCli('check', 'test-nan', '--runs', '3');
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^ntk-check check: internal failure: statement test-nan: reading nan produced NaN \(lhs=NaN, rhs=1\)$/m);
  });

  it('an NtkPrecisionError (a subclass of NtkError that is not bad input) exits 3, not 2', async () => {
    const { code, err } = await runCli('check', 'test-precision', '--runs', '3');
    expect(code).toBe(3);
    expect(err.trim()).toBe('ntk-check check: internal failure: precision lost (50 digits requested): test: digits ran out');
  });

  it('an unexpected throw exits 3 with one line; NTK_DEBUG=1 adds the stack trace', async () => {
    const plain = await runCli('check', 'test-bug', '--runs', '3');
    expect(plain.code).toBe(3);
    expect(plain.err.trim()).toBe('ntk-check check: internal failure: unexpected TypeError: boom');
    vi.stubEnv('NTK_DEBUG', '1');
    const debug = await runCli('check', 'test-bug', '--runs', '3');
    expect(debug.code).toBe(3);
    expect(debug.err).toMatch(/^TypeError: boom\n\s+at /m);
  });

  it('bad input still exits 2', async () => {
    const { code, err } = await runCli('check', 'test-nan', '--runs', '0');
    expect(code).toBe(2);
    expect(err).toMatch(/--runs=0 must be/);
  });
});
