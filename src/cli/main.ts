import { NtkError } from '../errors/NtkError.js';
import { EXIT, type CliIo } from './command.js';
import { commands } from './commands/index.js';
import { packageVersion } from './packageVersion.js';

const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};

async function helpText(): Promise<string> {
  const lines = ['usage: ntk-check <command> [flags]', '', 'commands:'];
  for (const entry of commands) {
    const c = await entry.load();
    lines.push(`  ${c.usage}`, `      ${c.summary}`);
  }
  return lines.join('\n');
}

/**
 * Entry point of the `ntk-check` command. Returns the exit code: 0 success, 1 a check failed,
 * 2 bad input (one line on stderr, no stack trace).
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
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
    io.err(`ntk-check: unknown command ${JSON.stringify(name)} (try: ${commands.map((c) => c.name).join(', ')})`);
    return EXIT.badInput;
  }
  try {
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    if (error instanceof NtkError) {
      io.err(`ntk-check ${name}: ${error.message}`);
      return EXIT.badInput;
    }
    throw error;
  }
}
