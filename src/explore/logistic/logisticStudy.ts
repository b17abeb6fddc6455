import type { ErrataDb } from '../../check/errataDb.js';
import { CHART_CONFIG, CHART_SIZE, logField } from '../../plot/chartStyle.js';
import type { Plot } from '../../plot/Plot.js';
import { searchWorst } from '../../search/searchWorst.js';
import type { ExploreOptions } from '../ExploreOptions.js';
import { runConjecture, type ConjectureFinding } from '../runConjecture.js';
import { ceConjecture } from './ceConjecture.js';
import { LADDERS, logisticFits, type ExponentFit, type FitPoint } from './logisticFits.js';

/** The dimensionless horizons tau = T ||J0||^2 of the search for C: one decade per window. */
export const TAU_WINDOWS: readonly (readonly [number, number])[] = [
  [1e-2, 1e-1],
  [1e-1, 1],
  [1, 10],
  [10, 100],
  [100, 1000],
];

/** CE-1 over all windows at once: the conjecture the section judges. */
export const ce1 = ceConjecture('CE-1', [1e-2, 1e3]);

/** The constant C the targeted search needed in one tau window: its worst ratio E / (T Lip(Dh) n / alpha). */
export interface WindowConstant {
  readonly tau: readonly [number, number];
  readonly C: number;
  readonly evaluations: number;
  readonly certified: boolean;
  readonly worstCase?: unknown;
}

/** What the cross-entropy question found. */
export interface LogisticStudy {
  readonly finding: ConjectureFinding;
  readonly constants: readonly WindowConstant[];
  readonly fits: readonly ExponentFit[];
  /** The alpha = O(T) verdict: the pooled slope of E against T at alpha proportional to T, and what it means. */
  readonly proportional: { readonly slope: number; readonly ci95: readonly [number, number]; readonly consistent: boolean } | undefined;
  readonly plot: Plot;
}

/** Models per family of the fits: 4 at the quick profile, more for larger ones. */
function fitModels(runs: number): number {
  return Math.max(2, Math.min(16, Math.round(runs / 25)));
}

/**
 * Question 2 (cross-entropy): CE-1 checked over its generator and by the targeted search, the constant C the search
 * needs per tau window, and the exponent fits (E against alpha, against T, and against T at alpha proportional to T).
 * alpha = O(T) is called consistent with the data when the upper end of the pooled 95% interval of the last slope
 * is <= 0.1 (E does not grow, within the fit's resolution, as T grows with alpha / T fixed).
 */
export function logisticStudy(options: ExploreOptions, errata: ErrataDb = {}): LogisticStudy {
  const finding = runConjecture(ce1, options, errata);
  const constants = TAU_WINDOWS.map((tau, i): WindowConstant => {
    const statement = ceConjecture(`CE-1 tau ${tau[0]}..${tau[1]}`, tau);
    const found = searchWorst(statement, statement.readings[0] as (typeof statement.readings)[number], {
      seed: options.seed + 7919 * (i + 1),
      evaluations: Math.max(10, options.profile.runs),
      ...(options.searchMilliseconds !== undefined && { milliseconds: options.searchMilliseconds / TAU_WINDOWS.length }),
    });
    const outcome = found.worst?.outcome;
    const certified = outcome !== undefined && (outcome.status === 'pass' || outcome.certified);
    return { tau, C: found.worstRatio, evaluations: found.evaluations, certified, ...(found.worst && { worstCase: statement.describe(found.worst.case) }) };
  });
  const { fits, points } = logisticFits(options.seed, fitModels(options.profile.runs));
  const last = fits.find((f) => f.name === 'proportional')?.pooled;
  const proportional = last === undefined || typeof last === 'string' ? undefined : { slope: last.slope, ci95: last.ci95, consistent: last.ci95[1] <= 0.1 };
  return { finding, constants, fits, proportional, plot: constantPlot(points, constants) };
}

/** The cross-entropy plot: E alpha / (T Lip(Dh) n) against tau, alpha proportional to T, per model; and the searched C. */
function constantPlot(points: readonly FitPoint[], constants: readonly WindowConstant[]): Plot {
  const q = LADDERS.proportional.q;
  const rows = points.filter((p) => p.ladder === 'proportional').map((p) => ({ tau: p.x, C: p.E / q, model: `${p.family} ${p.model + 1}`, family: p.family }));
  const steps = constants.flatMap((c) => [
    { tau: c.tau[0], C: c.C },
    { tau: c.tau[1], C: c.C },
  ]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Cross-entropy: the constant C = E alpha / (T Lip(Dh) n) against tau = T ||J0||^2',
    ...CHART_SIZE,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: { filled: true, size: 18 }, strokeWidth: 1.2, opacity: 0.8 },
        encoding: {
          x: logField('tau', 'tau = T ||J0||^2 (dimensionless horizon)'),
          y: logField('C', 'E alpha / (T Lip(Dh) n)'),
          color: { field: 'family', type: 'nominal', title: 'family (alpha = 64 T Lip(Dh) n)' },
          detail: { field: 'model' },
        },
      },
      {
        data: { values: steps },
        mark: { type: 'line', strokeDash: [6, 3], color: '#222', interpolate: 'step-after' },
        encoding: { x: { field: 'tau', type: 'quantitative' }, y: { field: 'C', type: 'quantitative' } },
      },
    ],
  };
  return {
    name: 'open-logistic',
    title: 'Cross-entropy: the constant of E(T) <= C T Lip(Dh) n / alpha against the horizon',
    caption:
      'Solid: E(T) alpha / (T Lip(Dh) n) for fixed models (quadratic, structured, scalar; h(w0) = 0, labels +-1, summed logistic loss) along the ladder alpha = 64 T Lip(Dh) n, ' +
      'tau = T ||J0||^2 = 1..256; a flat line means alpha = O(T) keeps E bounded. Dashed steps: the largest constant the targeted search found per decade of tau (the C that CE-1 needs there). Log-log.',
    spec: spec as Plot['spec'],
    points: rows.length + steps.length,
    notes: [
      `${constants.filter((c) => !c.certified).length} of ${constants.length} windows' worst cases not certified (violations within the re-solve difference).`,
    ],
  };
}
