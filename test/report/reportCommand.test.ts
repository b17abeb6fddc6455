import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/check/profile.js';
import { createReportCommand } from '../../src/cli/commands/report.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import type { AnyStatement } from '../../src/statements/Statement.js';
import { runCli } from '../cli/runCli.js';
import { captureIo, KAPPAS, STATEMENTS, tempDir, TINY, TINY_PLOT } from './fixtures.js';

const profiles = { ...PROFILES, quick: TINY };
const command = (statements: readonly AnyStatement[]) => createReportCommand({ statements, plots: [TINY_PLOT], converseKappas: KAPPAS, profiles });

/** lemma-3.3 with its holding reading recorded as refuted, and with a mutant that cannot fail. */
const [restored] = lemma33.readings;
const wrongVerdict = { ...lemma33, id: 'lemma-3.3-wrong', readings: [{ ...restored, expected: 'refuted' }] } as unknown as AnyStatement;
const weakMutant = { ...lemma33, id: 'lemma-3.3-weak', mutant: { ...restored, name: 'mutant', expected: 'refuted' } } as unknown as AnyStatement;

describe('ntk-check report', () => {
  it('exit 0 when every verdict matches and every mutant is refuted; one-screen summary', async () => {
    const out = join(tempDir(), 'latest');
    const io = captureIo();
    expect(await command(STATEMENTS).run(['--out', out, '--seed', '11'], io)).toBe(0);
    expect(existsSync(join(out, 'index.md'))).toBe(true);
    const text = io.text();
    expect(text).toMatch(/^ntk-check report: profile quick \(20 runs per reading\), seed 11$/m);
    expect(text).toMatch(/^lemma-3\.3 .* restored holds, mutant refuted$/m);
    expect(text).toContain('OK: every reading has the registry verdict');
    expect(text.split('\n').length).toBeLessThan(40);
  });

  it.each([
    ['a reading without its registry verdict', wrongVerdict, 'lemma-3.3-wrong/restored: expected refuted, the check says holds'],
    ['a mutant that is not refuted', weakMutant, 'lemma-3.3-weak/mutant: the sanity mutant was not refuted'],
  ])('exit 1 on %s; the report is still written, mismatches at the top', async (_title, statement, message) => {
    const out = join(tempDir(), 'latest');
    const io = captureIo();
    expect(await command([statement]).run(['--out', out], io)).toBe(1);
    expect(io.text()).toContain(message);
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    expect(md.indexOf(message)).toBeGreaterThan(0);
    expect(md.indexOf(message)).toBeLessThan(md.indexOf('## Statements'));
    expect(md).toMatch(/\*\*1 MISMATCH\*\*/);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ ok: false, mismatches: [expect.stringContaining(message)] });
  });

  it.each([
    [['--profile', 'huge'], /--profile="huge" must be one of "quick", "ci", "deep"/],
    [['--seed', 'x'], /--seed="x" must be a finite number/],
    [['--seed=-1'], /--seed=-1 must be an integer/],
    [['--workers', '1.5'], /--workers=1\.5 must be an integer/],
    [['--out', ''], /--out="" must be a directory path/],
    [['extra'], /must be flags only/],
    [['--bogus'], /flag="--bogus" must be a flag of this command/],
  ])('bad arguments %j throw NtkInputError (exit 2 from the CLI)', async (argv, message) => {
    await expect(command(STATEMENTS).run(argv, captureIo())).rejects.toThrow(NtkInputError);
    await expect(command(STATEMENTS).run(argv, captureIo())).rejects.toThrow(message);
    const { code, err } = await runCli('report', ...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('refuses worker threads for a custom statement list (workers run the full registry)', async () => {
    await expect(command(STATEMENTS).run(['--workers', '2'], captureIo())).rejects.toThrow(/--workers=2 must be 0 here/);
  });
});
