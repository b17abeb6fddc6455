import { solveRun } from '../../flow/Run.js';
import { meanFieldA } from '../../models/lemma21.js';
import { meanFieldNet } from '../../models/meanField.js';
import { symmetricInit } from '../../models/symmetricInit.js';
import { formatNumber } from '../../format/numbers.js';
import { CHART_CONFIG, CHART_SIZE, logField } from '../../plot/chartStyle.js';
import type { Plot, PlotBuilder } from '../../plot/Plot.js';
import { uniformDraws } from './uniformDraws.js';

/** Size of the NTK experiment of {@link ntkParametrizationPlot}. */
export interface NtkParametrizationConstraints {
  /** Widths m (even, increasing), alpha = sqrt(m). Default 16, 32, ..., 1024. */
  readonly widths?: readonly number[];
  /** Horizons T. Default 1, 10, 100, 1000. */
  readonly horizons?: readonly number[];
}

const WIDTHS = [16, 32, 64, 128, 256, 512, 1024] as const;
const HORIZONS = [1, 10, 100, 1000] as const;
/** Data size n and input dimension d. */
const N = 4;
const D = 2;
/**
 * Tolerances tried in turn: a point is kept at the first whose error estimate (the flow's 100x tighter re-solve)
 * is 10x below E — the small-T, large-m points need the tighter one, the long horizons do not (and cost most).
 */
const RTOLS = [1e-8, 1e-10] as const;
const RESOLVED_FACTOR = 10;

interface Point {
  readonly m: number;
  readonly T: string;
  readonly scaled: number;
  readonly growthA: number;
  readonly resolved: boolean;
}

/** One fixed data set: x_j uniform in [-1, 1]^d, targets y_j uniform in [-1, 1], y* = y / sqrt(n) (eq. 10). */
function dataSet(seed: number): { x: number[][]; yStar: Float64Array } {
  const u = uniformDraws(seed, N * (D + 1)).map((v) => 2 * v - 1);
  const x = Array.from({ length: N }, (_, j) => u.slice(j * D, (j + 1) * D));
  return { x, yStar: Float64Array.from(u.slice(N * D), (y) => y / Math.sqrt(N)) };
}

function measure(seed: number, m: number, T: number, data: ReturnType<typeof dataSet>): Point {
  const draws = uniformDraws(seed + m, (m / 2) * (1 + D));
  let next = 0;
  const { a, U } = symmetricInit({ m, d: D, rng: () => draws[next++] as number });
  const model = meanFieldNet({ activation: 'sigmoid', x: data.x, a, U });
  const instance = { model, yStar: data.yStar, alpha: Math.sqrt(m), T };
  let run = solveRun(instance, { rtol: RTOLS[0] });
  for (const rtol of RTOLS.slice(1)) if (!(run.E > RESOLVED_FACTOR * run.nonlinear.errorEstimate)) run = solveRun(instance, { rtol });
  return {
    m,
    T: `T = ${T}`,
    scaled: (run.E * Math.sqrt(m)) / T,
    growthA: meanFieldA(model, run.nonlinear.wT) / meanFieldA(model, model.w0),
    resolved: run.E > RESOLVED_FACTOR * run.nonlinear.errorEstimate,
  };
}

/**
 * Plot (d): the NTK parametrization (docs/theory.md, "Corollary 2.2 and the NTK parametrization"): a mean-field
 * 2-layer sigmoid net with the symmetric initialization (f_w0 = 0), alpha = sqrt(m), E(T) sqrt(m) / T against
 * the width m for a few horizons T. The text's claim E = O(T / sqrt(m)) means bounded curves; the guaranteed
 * horizon under our reading of Lemma 2.1 is only O(1), so this is a measurement, not a theorem. A(t) =
 * sqrt(m) max_i |a_i(t)| is tracked: its growth A(T) / A(0) is in the table.
 */
export function ntkParametrizationPlot(seed: number, constraints: NtkParametrizationConstraints = {}): Plot {
  const widths = constraints.widths ?? WIDTHS;
  const horizons = constraints.horizons ?? HORIZONS;
  const data = dataSet(seed);
  const points = widths.flatMap((m) => horizons.map((T) => measure(seed, m, T, data)));
  const drawn = points.filter((p) => p.resolved);
  const format = (p: Point | undefined) => (p === undefined ? '-' : `${formatNumber(p.scaled, 4)} (A x${formatNumber(p.growthA, 3)})`);
  return {
    name: 'ntk-parametrization',
    title: 'NTK parametrization: E sqrt(m) / T against the width m',
    caption:
      `Mean-field 2-layer sigmoid net (n = ${N} points in d = ${D}, fixed data from seed ${seed}), symmetric initialization, alpha = sqrt(m), ` +
      `m = ${widths.join(', ')} (log scale), T = ${horizons.join(', ')}. E(T) = O(T / sqrt(m)) means each curve stays bounded as m grows. ` +
      'A measurement, not a theorem: under our reading of Lemma 2.1 the guaranteed horizon is O(1) (docs/theory.md). ' +
      'The table gives E sqrt(m) / T and A(T) / A(0), A = sqrt(m) max_i |a_i|.',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'NTK parametrization (alpha = sqrt(m)): E sqrt(m) / T vs width m',
      ...CHART_SIZE,
      config: CHART_CONFIG,
      data: { values: drawn.map((p) => ({ m: p.m, T: p.T, scaled: p.scaled })) },
      mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } },
      encoding: {
        x: {
          ...logField('m', 'width m (number of neurons)'),
          scale: { type: 'log', domain: [Math.min(...widths) / 1.3, Math.max(...widths) * 1.3], nice: false },
          axis: { values: [...widths], format: 'd', grid: true },
        },
        y: logField('scaled', 'E(T) sqrt(m) / T'),
        color: { field: 'T', type: 'nominal', title: 'horizon', sort: horizons.map((T) => `T = ${T}`) },
      },
    } as Plot['spec'],
    points: drawn.length,
    notes: drawn.length === points.length ? [] : [`${points.length - drawn.length} points omitted: E not ${RESOLVED_FACTOR}x above the flow's error estimate.`],
    table: {
      columns: ['m', ...horizons.map((T) => `T = ${T}: E sqrt(m)/T (A growth)`)],
      rows: widths.map((m) => [String(m), ...horizons.map((T) => format(drawn.find((p) => p.m === m && p.T === `T = ${T}`)))]),
    },
  };
}

/** Builder of plot (d). */
export const ntkParametrization: PlotBuilder = { name: 'ntk-parametrization', build: (seed) => ntkParametrizationPlot(seed) };
