import { significant } from '../../format/numbers.js';
import { collectErrata } from '../../check/collectErrata.js';
import { DEFAULT_SEED, PROFILES, type ProfileName } from '../../check/profile.js';
import { replayCommand } from '../../check/replayCommand.js';
import { collectOpenErrata } from '../../explore/openConjectures.js';
import { registry } from '../../statements/registry.js';
import { databaseTarget } from '../../io/databaseTarget.js';
import { integerInRange, oneOf } from '../../validate/validators.js';
import writeFileAtomic from 'write-file-atomic';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

/**
 * `ntk-check errata`: re-derive the certified, shrunk counterexample of every reading the registry says is refuted.
 * `--write` stores them in `--db PATH` (default ./errata.json in the working folder; never inside an installed
 * package); inside the repository, `--write --db properties/errata.json` regenerates the committed database.
 * Exit 1 when a reading expected refuted found no certified counterexample.
 */
export const errataCommand: Command = {
  name: 'errata',
  usage: 'errata [--profile quick|ci|deep] [--seed S] [--write [--db PATH]]',
  summary:
    'Re-derive the certified, shrunk counterexample of every refuted reading and refuted open conjecture; --write stores them (./errata.json or --db PATH).',
  flags: {
    '--profile quick|ci|deep': 'runs per reading and shrink budget (default ci)',
    '--seed S': 'fast-check seed, 0..2147483647',
    '--write': 'store the counterexamples in ./errata.json, or in --db PATH',
    '--db PATH': 'with --write: the database file to write (inside the repository: properties/errata.json)',
  },
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      profile: { type: 'string' },
      seed: { type: 'string' },
      write: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    const target = databaseTarget('errata', values);
    const profile = PROFILES[oneOf<ProfileName>('--profile', values.profile ?? 'ci', ['quick', 'ci', 'deep'])];
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const { errata: refuted, survivors } = collectErrata(registry, profile, seed);
    // Open conjectures (src/explore) that a certified counterexample refutes are recorded alongside (no survivors:
    // an open conjecture that holds is no mismatch).
    const errata = { ...refuted, ...collectOpenErrata(profile, seed) };
    for (const [id, readings] of Object.entries(errata)) {
      for (const [name, cx] of Object.entries(readings))
        io.out(
          `${id}/${name}: refuted, ratio ${significant(cx.ratio, 6)}, margin ${significant(cx.margin, 3)} > uncertainty ${significant(cx.uncertainty, 3)}; replay: ${replayCommand(id, name, cx)}`,
        );
    }
    for (const s of survivors) io.err(`${s}: expected refuted, but no certified counterexample was found`);
    if (target !== undefined) {
      writeFileAtomic.sync(target, `${JSON.stringify(errata, null, 2)}\n`);
      io.out(`wrote ${target} (seed ${seed}, profile ${profile.name})`);
    }
    return survivors.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
