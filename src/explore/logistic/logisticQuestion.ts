import type { ErrataDb } from '../../check/errataDb.js';
import { conjectureTable } from '../conjectureTable.js';
import type { ExploreOptions } from '../ExploreOptions.js';
import { compact } from '../../format/numbers.js';
import type { QuestionResult } from '../QuestionResult.js';
import { logisticStudy } from './logisticStudy.js';

/** Question 2 (cross-entropy) as a report part: CE-1, the fitted exponents, the searched constants, the plot. */
export function logisticQuestion(options: ExploreOptions, errata: ErrataDb = {}): QuestionResult {
  const study = logisticStudy(options, errata);
  const fitRows = study.fits.flatMap((fit) =>
    [...Object.entries(fit.byFamily), ['pooled', fit.pooled] as const].map(([family, f]) =>
      typeof f === 'string'
        ? [fit.what, family, '-', '-', '-', f]
        : [
            fit.what,
            family,
            compact(f.slope, 4),
            compact(f.standardError, 2),
            `[${compact(f.ci95[0], 4)}, ${compact(f.ci95[1], 4)}]`,
            `${f.points} points, ${f.groups} models`,
          ],
    ),
  );
  const p = study.proportional;
  const alphaFit = study.fits.find((f) => f.name === 'alpha')?.pooled;
  return {
    question: 'logistic',
    title: 'Q2: cross-entropy (logistic loss)',
    paragraphs: [
      'Loss R(y) = sum_i log(1 + exp(-y*_i y_i)) for labels y*_i = +-1 (summed, not averaged: |dR/dy_i| < 1, so sup ||grad R|| = sqrt(n) and the loss scale is n = sup ||grad R||^2, ' +
        'the analogue of ||r(0)||^2 = 2 R0). Models centred (h(w0) = 0); the flow (1) and the flow of the linearization, integrated together by the adaptive dopri5 pair ' +
        '(rtol 1e-8, certified against a 100x tighter re-solve). Exponents: least squares on log E with one intercept per model; intervals from the regression standard errors (t quantile).',
      `E against alpha at fixed T: pooled exponent ${typeof alphaFit === 'string' || alphaFit === undefined ? '-' : `${compact(alphaFit.slope, 4)} (95% CI [${compact(alphaFit.ci95[0], 4)}, ${compact(alphaFit.ci95[1], 4)}])`}. ` +
        `alpha = O(T): with alpha = 64 T Lip(Dh) n and T growing 256-fold, E has pooled exponent ${p === undefined ? '-' : `${compact(p.slope, 3)} (95% CI [${compact(p.ci95[0], 3)}, ${compact(p.ci95[1], 3)}])`}: ` +
        `${p === undefined ? 'no fit' : p.consistent ? 'consistent with alpha = O(T) keeping E bounded (upper end <= 0.1)' : 'E grows with T at alpha proportional to T: alpha = O(T) is not enough on these data'}. ` +
        `Searched constant C per decade of tau = T ||J0||^2: ${study.constants.map((c) => `${compact(c.C, 3)} on [${c.tau[0]}, ${c.tau[1]}]`).join(', ')}.`,
    ],
    tables: [
      conjectureTable('Conjecture (expected `open`):', 'logistic', [study.finding]),
      { caption: 'Fitted exponents (slope of log E):', columns: ['fit', 'family', 'exponent', 'std. error', '95% CI', 'data'], rows: fitRows },
      {
        caption: 'The constant C = E alpha / (T Lip(Dh) n) the targeted search needed, per window of tau:',
        columns: ['tau window', 'C found', 'evaluations', 'worst case certified'],
        rows: study.constants.map((c) => [`[${c.tau[0]}, ${c.tau[1]}]`, compact(c.C, 4), String(c.evaluations), c.certified ? 'yes' : 'no']),
      },
    ],
    plot: study.plot,
    mutantsRefuted: study.finding.mutant === 'refuted',
    data: { finding: study.finding, constants: study.constants, fits: study.fits, proportional: study.proportional },
  };
}
