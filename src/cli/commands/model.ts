import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { checkModel, type CheckModelOptions } from '../../model/checkModel.js';
import { formatModelReport } from '../../model/formatModelReport.js';
import { horizonPlot } from '../../model/horizonPlot.js';
import { loadModel } from '../../model/loadModel.js';
import { integerInRange } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';
import { readJsonFile } from '../readJsonFile.js';

const FLAGS = {
  seed: { type: 'string' },
  runs: { type: 'string' },
  alpha: { type: 'string' },
  T: { type: 'string' },
  targets: { type: 'string' },
  rho: { type: 'string' },
  epsilon: { type: 'string' },
  statement: { type: 'string', multiple: true },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** `--targets FILE`: a JSON array of n numbers (one target), or an array of such arrays. */
async function readTargets(path: string): Promise<number[][]> {
  const value = await readJsonFile('--targets', path);
  const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
  if (isNumbers(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isNumbers)) return value;
  throw new NtkInputError('--targets', path, 'a JSON file holding an array of numbers or a non-empty array of such arrays');
}

/**
 * `ntk-check model MODULE [flags]`: check a user's model (see src/model, docs/model.md). MODULE is a .js, .mjs or .ts
 * file whose default export is `{ name, p, n, value(w), jacobian(w), w0?, lipDh?(rho), lipH?(rho), alpha?, yStar? }`.
 * Flags: `--seed S` (every random choice; default 20231129), `--runs N` (cases per statement, default 50),
 * `--alpha A` (fix alpha for the statements and the horizon), `--T T` (fix the cases' horizon), `--targets FILE`
 * (fixed targets: a JSON array of n numbers, or of such arrays), `--rho R` (radius of the checked ball, default 1),
 * `--epsilon E` (tolerance of the lazy horizon, default 0.1 ||r(0)||), `--statement ID` (repeatable: run only
 * these), `--out DIR` (write report.json and lazy-horizon.svg there), `--json` (print the ModelReport).
 * Exit 0 when the model passes its checks and every statement holds; 1 on a finding against the model (no theorem
 * then runs) or a violation; 2 when the module or a flag cannot be used (one line on stderr).
 */
export const modelCommand: Command = {
  name: 'model',
  usage: 'model MODULE [--alpha A] [--T T] [--targets FILE] [--rho R] [--epsilon E] [--runs N] [--seed S] [--statement ID]... [--out DIR] [--json]',
  summary:
    'Check your own model {name, p, n, value, jacobian, lipDh?, lipH?}: Jacobian and constants, every applicable statement, NTK spectrum and lazy horizon; exit 1 on a finding',
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new NtkInputError('MODULE', positionals.join(' '), 'one .js, .mjs or .ts file');
    const module = await loadModel(path);
    const number = (name: 'alpha' | 'T' | 'rho' | 'epsilon') => numberFlag(name, values[name]);
    const fixed = { alpha: number('alpha'), T: number('T'), rho: number('rho'), epsilon: number('epsilon') };
    const options: CheckModelOptions = {
      seed: integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647),
      ...(values.runs !== undefined && { runs: integerInRange('--runs', numberFlag('runs', values.runs), 1, 1_000_000) }),
      ...Object.fromEntries(Object.entries(fixed).filter(([, v]) => v !== undefined)),
      ...(values.targets !== undefined && { targets: await readTargets(values.targets) }),
      ...(values.statement !== undefined && { statements: values.statement }),
      replayCommand: `ntk-check model ${path}${values.targets === undefined ? '' : ` --targets ${values.targets}`}`,
    };
    const report = checkModel(module, options);
    if (values.out !== undefined) {
      mkdirSync(values.out, { recursive: true });
      writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      if (report.horizon !== undefined) {
        const { renderSvg } = await import('../../plot/renderSvg.js'); // vega loads only when a plot is written
        writeFileSync(join(values.out, 'lazy-horizon.svg'), await renderSvg(horizonPlot(report.name, report.horizon, report.label).spec));
      }
    }
    io.out(values.json ? JSON.stringify(report) : formatModelReport(report, path));
    return report.verdict === 'pass' ? EXIT.ok : EXIT.failed;
  },
};
