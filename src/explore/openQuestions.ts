import { loadErrata, type ErrataDb } from '../check/errataDb.js';
import type { Profile } from '../check/profile.js';
import { edgeQuestion } from './edge/edgeQuestion.js';
import type { ExploreOptions } from './ExploreOptions.js';
import { gdQuestion } from './gd/gdQuestion.js';
import { logisticQuestion } from './logistic/logisticQuestion.js';
import type { QuestionResult } from './QuestionResult.js';

/** The open questions by name: what `ntk-check explore NAME` runs. */
export const QUESTIONS: Readonly<Record<QuestionResult['question'], (options: ExploreOptions, errata: ErrataDb) => QuestionResult>> = {
  gd: gdQuestion,
  logistic: logisticQuestion,
  edge: (options) => edgeQuestion(options),
};

/**
 * The report section "Open questions (Sec. 4)": the three questions at the report's profile and seed (no wall-clock
 * budget, so the section is a function of the seed). Shaped as the report's `ReportSectionBuilder`. Stored
 * counterexamples of refuted conjectures (`errata`, default the committed properties/errata.json) are replayed first.
 */
export function openQuestionsSection(errata?: ErrataDb) {
  return {
    name: 'open-questions',
    build(profile: Profile, seed: number) {
      const db = errata ?? loadErrata();
      const results = (['gd', 'logistic', 'edge'] as const).map((q) => QUESTIONS[q]({ profile, seed }, db));
      return {
        title: 'Open questions (Sec. 4)',
        paragraphs: [
          'The paper leaves three questions open: finite step sizes, losses other than the square loss, and the dynamics just outside the lazy regime. ' +
            'Each is turned into experiments here (src/explore). Conjectures carry the expectation `open`: a run never fails on them; a certified refutation is recorded (and lands in properties/errata.json via `ntk-check errata --write`).',
          ...results.flatMap((r) => [`**${r.title}.** ${r.paragraphs.join(' ')}`]),
        ],
        tables: results.flatMap((r) => r.tables.map((t) => ({ ...t, caption: `${r.title}. ${t.caption}` }))),
        plots: results.map((r) => r.plot),
        data: Object.fromEntries(results.map((r) => [r.question, r.data])),
      };
    },
  };
}
