import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NtkInputError } from '../errors/NtkInputError.js';
import { didYouMean } from '../validate/didYouMean.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseFlags} returns: `values` typed from the flag descriptors `O`, and the `positionals`. */
export type ParsedFlags<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;
/** A token that is a negative number (`-1`, `-.5`, `-1e-3`, `-Infinity`), not a flag. */
const NEGATIVE_NUMBER = /^-(?:\d|\.\d|Infinity$)/;

/**
 * `--alpha -1` as `--alpha=-1`: util.parseArgs reads a value that starts with '-' as a flag, so a negative number
 * after a string flag is joined to it (and then validated like any other value).
 */
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const next = argv[i + 1];
    if (token === '--') return [...out, ...argv.slice(i)];
    const option = token.startsWith('--') ? options[token.slice(2)] : undefined;
    if (option?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else out.push(token);
  }
  return out;
}

/** The NtkInputError for a parseArgs failure; an unknown flag names the closest known one. */
function argumentsError(argv: readonly string[], options: Options, error: unknown): NtkInputError {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    const known = Object.keys(options).map((name) => `--${name}`);
    return new NtkInputError(
      'flag',
      unknown,
      `a flag of this command${didYouMean(unknown.split('=')[0] ?? unknown, known) || ` (flags: ${known.join(', ')})`}`,
    );
  }
  return new NtkInputError('arguments', argv.join(' '), `valid for this command (${message})`);
}

/**
 * Parse a command's flags with node's own `util.parseArgs` (strict: unknown flags are errors), turning its
 * errors into NtkInputError so the CLI reports them as one line with exit code 2. A negative number is accepted
 * as a flag's value (`--alpha -1`); an unknown flag gets a did-you-mean.
 */
export function parseFlags<O extends Options>(argv: readonly string[], options: O, allowPositionals = false): ParsedFlags<O> {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    throw argumentsError(argv, options, error);
  }
}

/** A numeric flag: absent gives `fallback`; present must parse as a finite number. */
export function numberFlag(name: string, raw: string | undefined, fallback: number): number;
export function numberFlag(name: string, raw: string | undefined): number | undefined;
export function numberFlag(name: string, raw: string | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new NtkInputError(`--${name}`, raw, 'a finite number');
  return value;
}
