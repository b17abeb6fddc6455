import { auditCommand as auditProgram, auditModule } from '../../audit/auditIntegrator.js';
import { DEFAULT_AUDIT, QUICK_AUDIT } from '../../audit/AuditOptions.js';
import { formatAudit } from '../../audit/formatAudit.js';
import { COMMAND } from '../../audit/subject/CommandRunner.js';
import { writeAuditOutputs } from '../../audit/writeAuditOutputs.js';
import { DEFAULT_SEED } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { integerInRange } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

const FLAGS = {
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
  command: { type: 'string' },
  timeout: { type: 'string' },
  memory: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Longest --timeout, seconds (a day). */
const MAX_TIMEOUT = 86_400;

/**
 * `ntk-check audit MODULE | --command "CMD ARGS" [--json] [--seed S] [--quick] [--timeout S] [--memory MB] [--out DIR]`: audit
 * a user's integrator (see src/audit and docs/audit.md). MODULE is a .js, .mjs or .ts file whose default export
 * is `{ name, order, solve(f, t0, y0, t1, steps) }` (fixed-step) or `{ name, order, adaptive: true,
 * solve(f, t0, y0, t1, { rtol, atol }) }` (adaptive); it runs in a worker thread. `--command` runs a program in
 * any language instead (`sh -c`), speaking the JSON-lines protocol of docs/audit-protocol.md. `--timeout S`
 * (default 10) is the deadline of every solve in seconds: a subject past it is a `hangs` or `too-slow` finding and
 * the audit goes on. `--memory MB` (default 1024) caps a module's worker heap: a worker that dies of it is a
 * `crash` finding. `--out DIR` also writes DIR/audit.json, DIR/convergence.svg and DIR/work-precision.svg.
 * Prints the report (human-readable, or the JSON `AuditReport` with `--json`); exit 0 on pass, 1 on fail, 2 when
 * the subject cannot be used (one line on stderr). `--quick` runs the smaller audit of the test suite.
 */
export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit MODULE | --command "CMD ARGS" [--json] [--seed S] [--quick] [--timeout S] [--memory MB] [--out DIR]',
  summary: 'Audit an integrator (a JS/TS module, or any program via --command): order or tolerance proportionality, invariants, deadlines; exit 1 on a finding',
  flags: {
    MODULE:
      'a .js, .mjs or .ts file whose default export is { name, order, solve(f, t0, y0, t1, steps) } or { name, adaptive: true, solve(f, t0, y0, t1, { rtol, atol }) }',
    '--json': 'print the AuditReport as JSON',
    '--seed S': 'seed of the generated problems, 0..2147483647',
    '--quick': 'the smaller audit of the test suite',
    '--command "CMD ARGS"': 'audit a program in any language over the JSON-lines protocol ntk-audit/1 (docs/audit-protocol.md)',
    '--timeout S': 'deadline per solve in seconds (default 10); a subject past it is a finding (hangs / too slow)',
    '--memory MB': 'heap cap of the worker that runs a JS/TS subject',
    '--out DIR': 'write audit.json, convergence.svg and work-precision.svg to DIR',
  },
  examples: [
    'audit ./my-rk4.mjs',
    'audit examples/integrators/dopri5.ts --json',
    'audit --command "python3 examples/integrators/python/rk4.py" --out audit-out',
  ],
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const command = values.command;
    const [path, ...extra] = positionals;
    if (command !== undefined) {
      if (positionals.length > 0) throw new NtkInputError('MODULE', positionals.join(' '), `absent when ${COMMAND} is given`);
      if (command.trim() === '') throw new NtkInputError(COMMAND, command, 'a non-empty command line');
    } else if (path === undefined || extra.length > 0) {
      throw new NtkInputError('MODULE', positionals.join(' '), 'one .js, .mjs or .ts file');
    }
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const timeoutSeconds = numberFlag('timeout', values.timeout, 10);
    if (!(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT))
      throw new NtkInputError('--timeout', values.timeout, `a number of seconds in (0, ${MAX_TIMEOUT}]`);
    if (values.out !== undefined && values.out.trim() === '') throw new NtkInputError('--out', values.out, 'a directory path');
    const memoryMb = integerInRange('--memory', numberFlag('memory', values.memory, DEFAULT_AUDIT.memoryMb), 16, 65_536);
    const options = { ...(values.quick ? QUICK_AUDIT : {}), seed, timeoutSeconds, memoryMb };
    const result = command === undefined ? await auditModule(path as string, options) : await auditProgram(command, options);
    io.out(values.json ? JSON.stringify(result.report) : formatAudit(result, command ?? (path as string)));
    if (values.out !== undefined) {
      const written = await writeAuditOutputs(result, values.out);
      if (!values.json) io.out(`wrote ${written.join(', ')}`);
    }
    return result.report.verdict === 'pass' ? EXIT.ok : EXIT.failed;
  },
};
