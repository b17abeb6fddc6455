import { writeFileSync } from 'node:fs';
import { loadErrata } from '../../check/errataDb.js';
import { DEFAULT_SEED, PROFILES, type ProfileName } from '../../check/profile.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { QUESTIONS } from '../../explore/openQuestions.js';
import type { QuestionResult } from '../../explore/QuestionResult.js';
import { renderSvg } from '../../plot/renderSvg.js';
import { integerInRange, oneOf, positiveNumber } from '../../validate/validators.js';
import { EXIT, type Command } from '../command.js';
import { numberFlag, parseFlags } from '../parseFlags.js';

const FLAGS = {
  profile: { type: 'string' },
  budget: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  svg: { type: 'string' },
} as const;

/** The findings as text: title, paragraphs, and each table as a markdown table. */
function text(result: QuestionResult): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`# ${result.title}`, '', ...result.paragraphs.flatMap((p) => [p, ''])];
  for (const t of result.tables) {
    lines.push(
      t.caption,
      '',
      `| ${t.columns.map(cell).join(' | ')} |`,
      `|${t.columns.map(() => '---').join('|')}|`,
      ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      '',
    );
  }
  return lines.join('\n');
}

/**
 * `ntk-check explore gd|logistic|edge`: run one of the paper's open questions (Sec. 4) as experiments and print the
 * findings — the conjectures (expectation `open`) with their verdict so far and certified counterexample, and the
 * question's measurements (the GD step sweep, the cross-entropy exponents, the edge profile).
 * Flags: `--profile quick|ci|deep` (size; default quick), `--seed S` (default 20231129; printed, replays the run),
 * `--budget S` (wall-clock cap in seconds on each targeted search: the run is then no longer reproducible bit for
 * bit), `--json` (the data as one JSON object on stdout), `--svg FILE` (write the question's plot).
 * Exit 0 whatever the conjectures do (an open conjecture never fails a run), 1 when a sanity mutant survives its
 * generator, 2 on bad arguments.
 */
export const exploreCommand: Command = {
  name: 'explore',
  usage: 'explore gd|logistic|edge [--profile quick|ci|deep] [--budget S] [--seed S] [--json] [--svg FILE]',
  summary:
    "Run one of the paper's open questions (finite step size, cross-entropy, the edge of laziness) as experiments; conjectures are 'open' and never fail the run.",
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (positionals.length !== 1) throw new NtkInputError('question', positionals.join(' '), 'exactly one of gd, logistic, edge');
    const question = oneOf('question', positionals[0], ['gd', 'logistic', 'edge'] as const);
    const profile = PROFILES[oneOf<ProfileName>('--profile', values.profile ?? 'quick', ['quick', 'ci', 'deep'])];
    const seed = integerInRange('--seed', numberFlag('seed', values.seed, DEFAULT_SEED), 0, 2_147_483_647);
    const budget = values.budget === undefined ? undefined : positiveNumber('--budget', numberFlag('budget', values.budget));
    const result = QUESTIONS[question]({ profile, seed, ...(budget !== undefined && { searchMilliseconds: 1000 * budget }) }, loadErrata());
    if (values.svg !== undefined) writeFileSync(values.svg, await renderSvg(result.plot.spec));
    if (values.json)
      io.out(
        JSON.stringify({
          question,
          seed,
          profile: profile.name,
          ...(budget !== undefined && { budgetSeconds: budget }),
          title: result.title,
          tables: result.tables,
          data: result.data,
        }),
      );
    else {
      io.out(
        `ntk-check explore ${question}: profile ${profile.name}, seed ${seed}${budget === undefined ? '' : `, search budget ${budget} s (not reproducible)`}`,
      );
      io.out(text(result));
    }
    if (!result.mutantsRefuted) io.err(`explore ${question}: a sanity mutant survived its generator (seed ${seed})`);
    return result.mutantsRefuted ? EXIT.ok : EXIT.failed;
  },
};
