import type { Command } from '../command.js';

/** A sub-command, loaded on first use (so `solve` does not pay for vega, the audit loader, ...). */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

/** Every sub-command, in the order `ntk-check --help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'solve', load: async () => (await import('./solve.js')).solveCommand },
  { name: 'list', load: async () => (await import('./list.js')).listCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'errata', load: async () => (await import('./errata.js')).errataCommand },
  { name: 'converse', load: async () => (await import('./converse.js')).converseCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'audit', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'search', load: async () => (await import('./search.js')).searchCommand },
  { name: 'model', load: async () => (await import('./model.js')).modelCommand },
  { name: 'explore', load: async () => (await import('./explore.js')).exploreCommand },
];
