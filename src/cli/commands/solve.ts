import type { Command } from '../command.js';
import { EXIT } from '../command.js';

export const solveCommand: Command = {
  name: 'solve',
  usage: 'solve --instance FILE.json [--rtol R] [--repeat N] [--json]',
  summary: 'Solve one instance (nonlinear and linearized flow) and print E, R0, kappa, ...',
  async run(_argv, io) {
    io.err('not yet');
    return EXIT.failed;
  },
};
