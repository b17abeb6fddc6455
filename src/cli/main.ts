import { type Command, EXIT, type CliIo } from './command.js';
import { exitCodeLines } from './commandHelp.js';
import { commands } from './commands/index.js';
import { didYouMean } from '../validate/didYouMean.js';
import { packageVersion } from './packageVersion.js';
import { reportFailure, runCommand } from './runCommand.js';

/**
 * A stream closed by its reader (`ntk-check list | head -1`) is not a failure: writing stops, the command runs to
 * its end (a report still writes its files) and exits with its own code. Any other stream error is rethrown.
 */
function closedPipeSafe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

function processIo(): CliIo {
  return { out: closedPipeSafe(process.stdout), err: closedPipeSafe(process.stderr), isTty: Boolean(process.stdout.isTTY) };
}

async function helpText(): Promise<string> {
  const rows: [string, string][] = [];
  for (const entry of commands) rows.push([entry.name, (await entry.load()).summary]);
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `ntk-check ${packageVersion()}: property-based verification of the NTK approximation bounds`,
    '',
    'usage: ntk-check COMMAND [flags]',
    '       ntk-check COMMAND --help    (-h) flags and examples of one command',
    '       ntk-check --version         (-v)',
    '',
    'commands:',
    ...rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'exit codes:',
    ...exitCodeLines(),
    '',
    'environment: NTK_DEBUG=1 prints the stack trace of an internal failure.',
  ].join('\n');
}

/**
 * Entry point of the `ntk-check` command. Returns the exit code: 0 ok, 1 a finding or mismatch, 2 bad input,
 * 3 an internal failure (each failure one line on stderr; the stack trace only with NTK_DEBUG=1).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...afterFirst] = argv;
  // `ntk-check help COMMAND` is `ntk-check COMMAND --help`, as in git.
  const [name, ...rest] = first === 'help' && afterFirst.length > 0 ? [afterFirst[0] as string, '--help'] : argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    const names = commands.map((c) => c.name);
    const hint = didYouMean(name, name.startsWith('-') ? ['--help', '--version'] : names) || ` (commands: ${names.join(', ')})`;
    io.err(`ntk-check: unknown command ${JSON.stringify(name)}${hint}; see ntk-check --help`);
    return EXIT.badInput;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (error) {
    return reportFailure(name, error, io);
  }
  return runCommand(command, rest, io);
}
