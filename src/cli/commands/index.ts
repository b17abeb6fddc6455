import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { converseCommand } from './converse.js';
import { errataCommand } from './errata.js';
import { listCommand } from './list.js';
import { reportCommand } from './report.js';
import { solveCommand } from './solve.js';

/** Every sub-command, in the order `ntk-check --help` lists them. */
export const commands: readonly Command[] = [solveCommand, listCommand, checkCommand, errataCommand, converseCommand, reportCommand];
