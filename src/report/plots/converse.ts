import { significant } from '../../format/numbers.js';
import { decimalToNumber } from '../../precise/index.js';
import { converseAt } from '../converseAt.js';
import { CHART_CONFIG, CHART_SIZE, logField, logGrid } from '../../plot/chartStyle.js';
import type { Plot, PlotBuilder } from '../../plot/Plot.js';

/** kappa grid of the curve: 10 points per decade over [1e-3, 1e3]. */
const KAPPAS = logGrid(1e-3, 1e3, 61);
/** Digits of each evaluation: far more than a plot needs, and cheap. */
const DIGITS = 20;

const SERIES = {
  E: 'E / sqrt(R0), converse model',
  upper: 'Thm 1.2: min(6 kappa, sqrt 8)',
  lower: 'Thm 1.3: min(kappa, 1) / 5',
} as const;

/**
 * Plot (b): the converse model of Thm. 1.3 in closed form (decimal.js, `src/precise`), E / sqrt(R0) against
 * kappa, log-log, between the Thm 1.2 upper bound min(6 kappa, sqrt 8) and the Thm 1.3 lower bound
 * min(kappa, 1) / 5: both bounds are tight up to constants, in both regimes.
 */
export function conversePlot(): Plot {
  const rows: { kappa: number; value: number; series: string }[] = [];
  let minRatio = Infinity;
  let atKappa = NaN;
  for (const kappa of KAPPAS) {
    const model = converseAt(kappa, DIGITS);
    const E = decimalToNumber(model.E);
    const lower = decimalToNumber(model.lowerBound);
    rows.push({ kappa, value: E, series: SERIES.E });
    rows.push({ kappa, value: decimalToNumber(model.upperBound), series: SERIES.upper });
    rows.push({ kappa, value: lower, series: SERIES.lower });
    if (E / (5 * lower) < minRatio) [minRatio, atKappa] = [E / (5 * lower), kappa];
  }
  return {
    name: 'converse',
    title: 'Converse model: E / sqrt(R0) against kappa, between the Thm 1.2 and Thm 1.3 bounds',
    caption:
      'The converse model h(w) = w / sqrt(T) + Lip(Dh) w^2 / 2 of Thm 1.3, E(T) / sqrt(R0) from its closed form at ' +
      `${DIGITS} digits, for kappa from 1e-3 to 1e3 (log-log). E grows linearly in kappa (about (4/e^2) kappa) and saturates at sqrt(2)/e; ` +
      'the Thm 1.2 upper bound (dashed) stays above it and the Thm 1.3 lower bound (dotted) below it, in both regimes. ' +
      `On this grid E / (min(kappa, 1) sqrt(R0)) is smallest, ${significant(minRatio, 4)}, at kappa = ${significant(atKappa, 3)} (Thm 1.3 claims >= 1/5).`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Converse model (Thm 1.3): E / sqrt(R0) vs kappa',
      ...CHART_SIZE,
      config: CHART_CONFIG,
      data: { values: rows },
      mark: { type: 'line', clip: true, strokeWidth: 2 },
      encoding: {
        x: logField('kappa', 'kappa = T Lip(Dh) sqrt(R0) / alpha'),
        y: logField('value', 'E(T) / sqrt(R0)'),
        color: { field: 'series', type: 'nominal', title: null, sort: Object.values(SERIES), scale: { range: ['#1f77b4', '#d62728', '#2ca02c'] } },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: null,
          sort: Object.values(SERIES),
          scale: {
            range: [
              [1, 0],
              [6, 3],
              [1, 2],
            ],
          },
        },
      },
    } as Plot['spec'],
    points: rows.length,
    notes: [],
  };
}

/** Builder of plot (b) (deterministic: no randomness). */
export const converse: PlotBuilder = { name: 'converse', build: () => conversePlot() };
