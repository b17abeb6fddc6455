import { NtkError } from '../errors/NtkError.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { describeThrown } from '../io/describeThrown.js';
import { EXIT, type CliIo, type Command } from './command.js';
import { commandHelp } from './commandHelp.js';

/** Options of {@link runCommand}. */
export interface RunOptions {
  /** Print the stack trace of an internal failure (default: the environment variable NTK_DEBUG=1). */
  readonly debug?: boolean;
}

/** True when `--help`/`-h` is among the command's arguments (before a `--` that ends the flags). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** One line on stderr for a failed command, and its exit code: 2 for bad input only, 3 for everything else. */
export function reportFailure(name: string, error: unknown, io: CliIo, options: RunOptions = {}): number {
  if (error instanceof NtkInputError) {
    io.err(`ntk-check ${name}: ${error.message}`);
    return EXIT.badInput;
  }
  const what = error instanceof NtkError ? error.message : `unexpected ${describeThrown(error)}`;
  io.err(`ntk-check ${name}: internal failure: ${what}`);
  const debug = options.debug ?? process.env.NTK_DEBUG === '1';
  if (debug && error instanceof Error && error.stack !== undefined) io.err(error.stack);
  return EXIT.internal;
}

/**
 * Run one command as the CLI does: `--help`/`-h` prints its help (exit 0); otherwise its exit code, and a
 * failure becomes one line on stderr with exit 2 (NtkInputError: bad input) or 3 (any other failure: a solver,
 * a NaN, a bug; the stack trace only with `debug`).
 */
export async function runCommand(command: Command, argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  try {
    if (asksForHelp(argv)) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(argv, io);
  } catch (error) {
    return reportFailure(command.name, error, io, options);
  }
}
