import { expect, test } from 'vitest';
import { runCli } from './runCli.js';

test.each([
  [['errata', '--db', 'errata.json'], /--db="errata.json" must be given with --write/],
  [['errata', '--write', '--db', ''], /--db="" must be a file path/],
])('errata: a --db that cannot be written exits 2 with one line, before any work: %j', async (argv, message) => {
  const { code, out, err } = await runCli(...argv);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err).toMatch(message);
  expect(err.trim().split('\n')).toHaveLength(1);
});
