import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/commandHelp.js';
import { commands } from '../../src/cli/commands/index.js';
import { runCli } from './runCli.js';

const BIN = 'bin/ntk-check.js';
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('--help and -h on every command', () => {
  it.each(commands.map((c) => c.name))('%s --help and -h print the usage, the summary and every flag on stdout, exit 0', async (name) => {
    const command = await commands.find((c) => c.name === name)!.load();
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await runCli(name, flag);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toContain(`usage: ntk-check ${command.usage}`);
      expect(out).toContain(command.summary);
      for (const token of command.usage.match(/--[\w-]+/g) ?? []) expect(out).toContain(token);
      expect(out).toMatch(/exit codes:\n {2}0 {2}ok/);
    }
    expect((await runCli('help', name)).out).toBe((await runCli(name, '--help')).out);
  });

  it('--help wins over other flags, even bad ones (as in git and npm)', async () => {
    const { code, out } = await runCli('check', 'nope', '--runs', '0', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: ntk-check check ID/);
  });

  it('a command that fills only name, usage and summary still gets a help listing its usage tokens', () => {
    const help = commandHelp({ name: 'demo', usage: 'demo FILE [--rate R] [--json]', summary: 'A demo.', run: () => Promise.resolve(0) });
    expect(help).toContain('usage: ntk-check demo FILE [--rate R] [--json]');
    expect(help).toMatch(/^ {2}FILE$/m);
    expect(help).toMatch(/^ {2}--rate R$/m);
    expect(help).toMatch(/^ {2}--json$/m);
    expect(help).toMatch(/^ {2}-h, --help +print this help/m);
  });

  it('a flag whose value is a list of lower-case choices is one token (no second, undescribed row)', () => {
    const help = commandHelp({
      name: 'demo',
      usage: 'demo [--mode fast|slow-ish] [--json]',
      summary: 'A demo.',
      flags: { '--mode fast|slow-ish': 'the mode' },
      run: () => Promise.resolve(0),
    });
    expect(help).toMatch(/^ {2}--mode fast\|slow-ish +the mode$/m);
    expect(help).not.toMatch(/^ {2}--mode$/m);
  });

  it('top-level --help lists every command and the exit codes 0..3', async () => {
    const { code, out } = await runCli('--help');
    expect(code).toBe(0);
    for (const c of commands) expect(out).toMatch(new RegExp(`^  ${c.name} +\\S`, 'm'));
    for (const line of [/^ {2}0 {2}ok/m, /^ {2}1 {2}a finding or a mismatch/m, /^ {2}2 {2}bad input/m, /^ {2}3 {2}an internal failure/m])
      expect(out).toMatch(line);
  });
});

describe('did you mean', () => {
  it.each([
    [['chek'], /^ntk-check: unknown command "chek" \(did you mean check\?\)/],
    [['chekc'], /\(did you mean check\?\)/],
    [['reprot'], /\(did you mean report\?\)/],
    [['xyz'], /unknown command "xyz" \(commands: solve, list, check/],
    [['--verison'], /unknown command "--verison" \(did you mean --version\?\)/],
    [['check', 'thm-1.2', '--sed', '1'], /^ntk-check check: flag="--sed" must be a flag of this command \(did you mean --seed\?\)$/m],
    [['check', 'thm-1.2', '--seed=1', '--jsno'], /\(did you mean --json\?\)/],
    [['list', '--zzzz'], /flag="--zzzz" must be a flag of this command \(flags: --json\)/],
    [['check', 'thm-12'], /^ntk-check check: ID="thm-12" must be a statement id \(did you mean thm-1\.2\?\) \(/],
    [['check', 'eq-25', '--reading', 'litral'], /--reading="litral" must be one of restored, literal, mutant \(did you mean literal\?\)$/m],
  ])('%j: exit 2, one line with a suggestion', async (argv, message) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });
});

describe('negative numbers are values', () => {
  it.each([
    [['converse', '--alpha', '-1', '--T', '1', '--lip', '1', '--R0', '1'], /^ntk-check converse: alpha="-1" must be a finite number > 0$/m],
    [['converse', '--alpha', '1', '--T', '-3', '--lip', '1', '--R0', '1'], /T="-3" must be/],
    [['check', 'thm-1.2', '--seed', '-3'], /--seed=-3 must be an integer/],
    [['check', 'thm-1.2', '--runs', '-1e3'], /--runs=-1000 must be an integer/],
    [['solve', '--instance', 'examples/instances/quadratic.json', '--rtol', '-.5'], /^ntk-check solve: rtol=-0\.5 must be a finite number > 0$/m],
    [['solve', '--instance', 'examples/instances/quadratic.json', '--repeat', '-2'], /--repeat=-2 must be an integer in \[1, 10000\]/],
  ])('%j is read as a value and rejected with the usual one-line error (exit 2)', async (argv, message) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });
});

describe('the installed bin (spawned)', () => {
  it('--version prints the package version (read from the package, not the working folder), exit 0; -v too', async () => {
    const r = spawnSync(process.execPath, [`${process.cwd()}/${BIN}`, '--version'], { encoding: 'utf8', cwd: '/' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(await runCli('-v')).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
  });

  it('--help goes to stdout with exit 0; no command prints it and exits 2', async () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ntk-check \d+\.\d+\.\d+/);
    expect((await runCli()).code).toBe(2);
  });

  it.each([['list'], ['check', 'eq-25', '--reading', 'literal']])('%j into a pipe its reader has closed: no stack trace, exit 0 (EPIPE)', async (...argv) => {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader goes away before the first write, like `| head -0`
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('`list | head -1` in a shell exits 0 with one line', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} list | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
