import { registry } from '../../statements/registry.js';
import { EXIT, type Command } from '../command.js';
import { parseFlags } from '../parseFlags.js';

/** One entry of `ntk-check list --json` (a contract). */
export interface ListEntry {
  id: string;
  source: string;
  relation: string;
  readings: { name: string; formula: string; expected: string }[];
  /** Additional fields. */
  summary: string;
  mutant: string;
}

/** The registry as `list --json` prints it. */
export function listEntries(): ListEntry[] {
  return registry.map((s) => ({
    id: s.id,
    source: s.source,
    relation: s.relation,
    readings: s.readings.map((r) => ({ name: r.name, formula: r.formula, expected: r.expected })),
    summary: s.summary,
    mutant: s.mutant.formula,
  }));
}

export const listCommand: Command = {
  name: 'list',
  usage: 'list [--json]',
  summary: 'List every statement of the theory with its readings and the verdict the suite established.',
  flags: { '--json': 'print [{id, source, relation, readings: [{name, formula, expected}], summary, mutant}]' },
  examples: ['list', 'list --json'],
  async run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: 'boolean', default: false } });
    const entries = listEntries();
    if (values.json) {
      io.out(JSON.stringify(entries));
      return EXIT.ok;
    }
    for (const e of entries) {
      io.out(`${e.id}  (${e.source})  ${e.summary}`);
      for (const r of e.readings) io.out(`    ${r.name.padEnd(11)} ${r.expected.padEnd(8)} ${r.formula}`);
    }
    return EXIT.ok;
  },
};
