import type { ExploreOptions } from '../ExploreOptions.js';
import { compact } from '../../format/numbers.js';
import type { QuestionResult } from '../QuestionResult.js';
import { edgeStudy } from './edgeStudy.js';

/** Question 3 (the edge of laziness) as a report part: the per-family profile table and the plot. */
export function edgeQuestion(options: ExploreOptions): QuestionResult {
  const study = edgeStudy(options);
  const list = (xs: readonly number[], digits = 3) => xs.map((x) => compact(x, digits)).join(' / ');
  const shrinking = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x < (xs[i - 1] as number));
  const rows = study.profiles.map((p) => [
    p.family,
    list(p.plateau),
    list(p.halfC),
    list(p.halfC.map((c, i) => c * (study.alphas[i] as number))),
    `${list(p.supDistance)} (${shrinking(p.supDistance) ? 'shrinking' : 'not shrinking'})`,
    `${list(p.supDistanceScaled)} (${shrinking(p.supDistanceScaled) ? 'shrinking' : 'not shrinking'})`,
  ]);
  return {
    question: 'edge',
    title: 'Q3: the edge of laziness (T = C alpha)',
    paragraphs: [
      'Models with globally bounded Lip(h) and Lip(Dh): shifted feature models (tanh, sigmoid; n = 4 > p; ||V|| = 1; centred, R0 = 1/2 for every alpha). ' +
        `Square-loss gradient flow (the project's solver) to T = C alpha, C on ${study.cs.length} log-spaced points of [1e-2, 1e2], alpha = ${study.alphas.join(', ')}. ` +
        "Limit profile: the sup over C of the distance between successive alphas' curves must shrink (tested for E and for alpha E). " +
        'Saturation: the plateau E at the largest C; the half-saturation C is the first C where E reaches half of it (log-interpolated). Medians over the models of a family.',
    ],
    tables: [
      {
        caption: `Per family, along alpha = ${study.alphas.join(' / ')}:`,
        columns: [
          'family',
          'plateau E(100 alpha)',
          'half-saturation C',
          'C alpha at half saturation (= T)',
          "sup_C |E_{alpha'} - E_alpha|",
          "sup_C |alpha' E_{alpha'} - alpha E_alpha|",
        ],
        rows,
      },
    ],
    plot: study.plot,
    mutantsRefuted: true,
    data: { alphas: study.alphas, cs: study.cs, profiles: study.profiles, curves: study.curves, unresolved: study.unresolved },
  };
}
