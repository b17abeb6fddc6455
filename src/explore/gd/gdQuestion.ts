import type { ErrataDb } from '../../check/errataDb.js';
import { conjectureTable } from '../conjectureTable.js';
import type { ExploreOptions } from '../ExploreOptions.js';
import { compact } from '../../format/numbers.js';
import { caseLine } from '../format.js';
import type { QuestionResult } from '../QuestionResult.js';
import { gdStudy } from './gdStudy.js';

/** Question 1 (finite step size) as a report part: the conjecture table, the sweep table and the plot. */
export function gdQuestion(options: ExploreOptions, errata: ErrataDb = {}): QuestionResult {
  const study = gdStudy(options, errata);
  const series = Object.keys(study.sweep.firstFailure);
  const sweepRows = series.map((name) => {
    const bins = study.sweep.bins.filter((b) => b.series === name);
    const f = study.sweep.firstFailure[name];
    const below = bins.filter((b) => f === undefined || b.hi <= f.lo);
    const worstBelow = below.reduce((m, b) => Math.max(m, b.worstRatio), 0);
    return [
      name,
      f === undefined ? 'none in (0, 2.5)' : `[${compact(f.lo, 3)}, ${compact(f.hi, 3)}]`,
      f === undefined ? '-' : compact(f.etaLambda, 4),
      f === undefined ? '-' : `${compact(f.ratio, 4)} (margin ${compact(f.margin, 3)} > ${compact(f.uncertainty, 3)})`,
      below.length === 0 ? '- (first bin)' : compact(worstBelow, 4),
      f === undefined ? '-' : caseLine(f.case),
    ];
  });
  const refuted = study.findings.filter((f) => f.verdict === 'refuted').map((f) => f.id);
  const failures = series.map((name) => {
    const f = study.sweep.firstFailure[name];
    return `${name}: ${f === undefined ? 'no certified failure in (0, 2.5)' : `first fails at eta lambda_max(K0) = ${compact(f.etaLambda, 3)}`}`;
  });
  return {
    question: 'gd',
    title: 'Q1: gradient descent (finite step size)',
    paragraphs: [
      'Gradient descent w_{k+1} = w_k - (eta / alpha^2) grad R(alpha h(w_k)) against the same descent on the linearization from w0, T = K eta, ' +
        'E_GD(T) = ||r_K - rbar_K||, on the quadratic, structured, scalar and converse families (n, p <= 3). GD is exact arithmetic on its iterates: ' +
        'a violation is certified by re-running both descents in decimal.js (40 and 80 digits, on the exact values of the double inputs) and requiring the margin to beat the float/decimal difference. ' +
        "The bound is Thm 1.2's, taken from the thm-1.2 statement (same kappa, with the global certified Lip(Dh)).",
      `Refuted: ${refuted.length === 0 ? 'none' : refuted.join(', ')}. Sweep of Thm 1.2's bound for GD: ${failures.join('; ')}.`,
    ],
    tables: [
      conjectureTable('Conjectures (expected `open`: a refutation is a finding, never a failed run):', 'gd', study.findings),
      {
        caption: 'Sweep over eta lambda_max(K0) (targeted search per bin; the worst case of a failing bin is certified in decimal):',
        columns: ['kappa range', 'first failing bin', 'eta lambda_max there', 'worst ratio there', 'worst ratio below it', 'case'],
        rows: sweepRows,
      },
    ],
    plot: study.plot,
    mutantsRefuted: study.findings.every((f) => f.mutant === 'refuted'),
    data: { findings: study.findings, sweep: study.sweep },
  };
}
