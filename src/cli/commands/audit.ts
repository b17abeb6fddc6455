import { auditModule } from '../../audit/auditIntegrator.js';
import { QUICK_AUDIT } from '../../audit/AuditOptions.js';
import { formatAudit } from '../../audit/formatAudit.js';
import { DEFAULT_SEED } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { integerInRange } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

const FLAGS = {
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
} as const;

/**
 * `ntk-check audit MODULE [--json] [--seed S] [--quick]`: audit a user's integrator (see src/audit). MODULE is a
 * .js, .mjs or .ts file whose default export is `{ name, order, solve(f, t0, y0, t1, steps) }`. Prints the
 * report (human-readable, or the JSON `AuditReport` with `--json`); exit 0 on pass, 1 on fail, 2 when the
 * module cannot be used (one line on stderr). `--quick` runs the smaller audit of the test suite.
 */
export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit MODULE [--json] [--seed S] [--quick]',
  summary: 'Audit an integrator module {name, order, solve}: observed order, error floor, theory invariants; exit 1 on a finding',
  flags: {
    MODULE: 'a .js, .mjs or .ts file whose default export is { name, order, solve(f, t0, y0, t1, steps) }',
    '--json': 'print the AuditReport as JSON',
    '--seed S': 'seed of the generated problems, 0..2147483647',
    '--quick': 'the smaller audit of the test suite',
  },
  examples: ['audit ./my-rk4.mjs', 'audit examples/integrators/dopri5.ts --json'],
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new NtkInputError('MODULE', positionals.join(' '), 'one .js, .mjs or .ts file');
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const result = await auditModule(path, values.quick ? { ...QUICK_AUDIT, seed } : { seed });
    io.out(values.json ? JSON.stringify(result.report) : formatAudit(result, path));
    return result.report.verdict === 'pass' ? EXIT.ok : EXIT.failed;
  },
};
