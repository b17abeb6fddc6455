import type { Command } from '../command.js';
import { solveCommand } from './solve.js';

/** Every sub-command, in the order `ntk-check --help` lists them. */
export const commands: readonly Command[] = [solveCommand];
