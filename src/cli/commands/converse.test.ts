import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { MPMATH_CONVERSE, roundedReference } from '../../precise/_testing/references.js';
import type { CliIo } from '../command.js';
import { converseCommand } from './converse.js';

function capture(): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTty: false };
}

const run = async (argv: string[]) => {
  const io = capture();
  const code = await converseCommand.run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('ntk-check converse', () => {
  test('--json: one object, the eight keys in order, each a string with exactly D significant digits', async () => {
    const { code, out } = await run(['--alpha', '1', '--T', '1', '--lip', '1', '--R0', '1', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as Record<string, string>;
    expect(Object.keys(parsed)).toEqual(['kappa', 'c', 'u', 'ubar', 'w', 'E', 'lowerBound', 'upperBound']);
    expect(parsed.kappa).toBe('1.0000000000000000000000000000000000000000000000000');
    expect(parsed.lowerBound).toBe('0.20000000000000000000000000000000000000000000000000');
    for (const [key, value] of Object.entries(parsed)) {
      expect(value.replace(/^[-0.]+|\.|e.*$/g, '').length, key).toBe(50);
      expect(Number(value), key).toBeCloseTo(Number(MPMATH_CONVERSE.kappaOne.expected[key as 'E']), 12);
    }
    expect(parsed.E).toBe(roundedReference(MPMATH_CONVERSE.kappaOne.expected.E, 50));
  });

  test('--t and --digits: u, ubar at s = t/T and w(t); tiny values in exponential notation', async () => {
    const ref = MPMATH_CONVERSE.earlyTime;
    const { out } = await run(['--alpha', '2.5', '--T', '7', '--lip', '0.4', '--R0', '0.09', '--t', '0.001', '--digits', '12', '--json']);
    const parsed = JSON.parse(out) as Record<string, string>;
    expect(parsed.u).toBe('0.000142856635318');
    expect(Number(parsed.u)).toBe(Number(roundedReference(ref.expected.u, 12)));
    expect(parsed.w).toBe('0.0000641402932622');
    const tiny = JSON.parse((await run(['--alpha', '1', '--T', '1', '--lip', '1e-40', '--R0', '1', '--digits', '5', '--json'])).out) as Record<string, string>;
    expect([tiny.kappa, tiny.E]).toEqual(['1.0000e-40', '5.4134e-41']);
  });

  test('without --json: an aligned table with every quantity', async () => {
    const { code, out } = await run(['--alpha', '0.37', '--T', '12.5', '--lip', '0.0031', '--R0', '2.7', '--digits', '8']);
    expect(code).toBe(0);
    const rows = out.split('\n').slice(2);
    expect(rows).toHaveLength(8);
    const columns = new Set(rows.map((row) => row.search(/\S+$/)));
    expect(columns.size).toBe(1);
    expect(out).toContain('E(T)');
    expect(out).toContain('0.15114785');
  });

  test('bad input throws NtkInputError (main prints one line, exit 2)', async () => {
    const ok = ['--alpha', '1', '--T', '1', '--lip', '1', '--R0', '1'];
    const cases: [string[], string][] = [
      [['--T', '1', '--lip', '1', '--R0', '1'], '--alpha=undefined must be given'],
      [[...ok.slice(0, 1), 'abc', ...ok.slice(2)], '--alpha="abc" must be a finite number'],
      [[...ok.slice(0, 1), '0', ...ok.slice(2)], 'alpha="0" must be a finite number > 0'],
      [['--alpha=-2', ...ok.slice(2)], 'alpha="-2" must be a finite number > 0'],
      [[...ok.slice(0, 1), '-2', ...ok.slice(2)], 'alpha="-2" must be a finite number > 0'], // a negative number is a value
      [[...ok, '--t', '2'], 't="2" must be a number in [0, T] (T=1)'],
      [[...ok, '--digits', '0'], 'digits=0 must be an integer in [1, 1000]'],
      [[...ok, '--digits', '1001'], 'digits=1001 must be an integer in [1, 1000]'],
      [[...ok, '--digits', '2.5'], 'digits=2.5 must be an integer in [1, 1000]'],
      [[...ok, '--bogus', '1'], 'flag="--bogus" must be a flag of this command'],
    ];
    for (const [argv, message] of cases) {
      await expect(run(argv), argv.join(' ')).rejects.toThrow(NtkInputError);
      await expect(run(argv), argv.join(' ')).rejects.toThrow(message);
    }
  });
});
