import { NtkInputError } from '../../errors/NtkInputError.js';
import { formatSignificant } from '../../precise/formatSignificant.js';
import { PreciseConverse, type ConverseSnapshot } from '../../precise/PreciseConverse.js';
import { DEFAULT_DIGITS } from '../../precise/PrecisionOptions.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

const FLAGS = {
  alpha: { type: 'string' },
  T: { type: 'string' },
  lip: { type: 'string' },
  R0: { type: 'string' },
  t: { type: 'string' },
  digits: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** The reported quantities, in output order, with the labels of the human-readable table. */
const ROWS: readonly (readonly [keyof ConverseSnapshot, string])[] = [
  ['kappa', 'kappa = T Lip(Dh) sqrt(R0) / alpha'],
  ['c', 'c = 2 sqrt(2) kappa'],
  ['u', 'u(s) = alpha h(w(t)) / y*'],
  ['ubar', 'ubar(s) = 1 - e^(-s)'],
  ['w', 'w(t)'],
  ['E', 'E(T)'],
  ['lowerBound', 'Thm 1.3 lower bound'],
  ['upperBound', 'Thm 1.2 upper bound'],
];

/** A required numeric flag, checked as a finite number and then passed on as its exact decimal text. */
function required(name: string, raw: string | undefined): string {
  if (raw === undefined) throw new NtkInputError(`--${name}`, undefined, 'given (a finite number)');
  numberFlag(name, raw);
  return raw.trim();
}

/**
 * `ntk-check converse`: the converse model of Thm. 1.3 at D significant digits (default 50, 1..1000).
 * `--json` prints one object `{"kappa", "c", "u", "ubar", "w", "E", "lowerBound", "upperBound"}` of decimal
 * strings with exactly D significant digits (format of {@link formatSignificant}); u and ubar are at
 * s = t/T and w is w(t), with t = T unless `--t` is given. Without `--json`: an aligned table.
 * Numbers are read exactly as typed (`--alpha 0.1` is 1/10). Bad input throws NtkInputError (exit 2).
 */
export const converseCommand: Command = {
  name: 'converse',
  usage: 'converse --alpha A --T T --lip L --R0 R [--t t] [--digits D] [--json]',
  summary: 'Closed form of the Thm. 1.3 converse model to D digits (decimal.js): kappa, c, u, ubar, w, E(T), bounds',
  flags: {
    '--alpha A': 'the scale alpha > 0 (read exactly as typed: 0.1 is 1/10)',
    '--T T': 'the horizon T > 0',
    '--lip L': 'Lip(Dh) > 0 of the converse model',
    '--R0 R': 'the initial loss R0 > 0',
    '--t t': 'evaluate u, ubar and w at time t (default T)',
    '--digits D': 'significant digits, 1..1000 (default 50)',
    '--json': 'print {kappa, c, u, ubar, w, E, lowerBound, upperBound} as decimal strings',
  },
  examples: ['converse --alpha 1 --T 1 --lip 1 --R0 0.5', 'converse --alpha 10 --T 2 --lip 3 --R0 1 --digits 100 --json'],
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    const digits = numberFlag('digits', values.digits, DEFAULT_DIGITS);
    const params = { alpha: required('alpha', values.alpha), T: required('T', values.T), lip: required('lip', values.lip), R0: required('R0', values.R0) };
    const t = values.t === undefined ? undefined : required('t', values.t);
    const model = new PreciseConverse(params, { digits });
    const snapshot = model.at(t);
    const text = (key: keyof ConverseSnapshot): string => formatSignificant(snapshot[key], model.digits);
    if (values.json) {
      io.out(JSON.stringify(Object.fromEntries(ROWS.map(([key]) => [key, text(key)]))));
      return EXIT.ok;
    }
    const header = [
      `converse model (Thm. 1.3), ${model.digits} significant digits`,
      `alpha = ${params.alpha}, T = ${params.T}, Lip(Dh) = ${params.lip}, R0 = ${params.R0}; t = ${t ?? params.T}, s = t/T = ${snapshot.s.toString()}`,
    ];
    const width = Math.max(...ROWS.map(([, label]) => label.length));
    io.out([...header, ...ROWS.map(([key, label]) => `  ${label.padEnd(width)}  ${text(key)}`)].join('\n'));
    return EXIT.ok;
  },
};
