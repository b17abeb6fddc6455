import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NtkInputError } from '../errors/NtkInputError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseFlags} returns: `values` typed from the flag descriptors `O`, and the `positionals`. */
export type ParsedFlags<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/**
 * Parse a command's flags with node's own `util.parseArgs` (strict: unknown flags are errors), turning its
 * errors into NtkInputError so the CLI reports them as one line with exit code 2.
 */
export function parseFlags<O extends Options>(argv: readonly string[], options: O, allowPositionals = false): ParsedFlags<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new NtkInputError('arguments', argv.join(' '), `valid for this command (${message})`);
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
