import { significant } from '../format/numbers.js';
import { CHART_CONFIG, CHART_SIZE, logField } from '../plot/chartStyle.js';
import type { Plot } from '../plot/Plot.js';
import type { LazyHorizon } from './lazyHorizon.js';

interface Row {
  readonly t: number;
  readonly value: number;
  readonly series: string;
}

const SERIES = {
  measured: 'E(t) measured',
  bound: 'Thm 1.2 bound',
  epsilon: 'epsilon',
  predicted: '||r(t)|| kernel prediction',
  residual: '||r(t)|| measured',
} as const;

/**
 * The lazy-horizon plot of a user's model: the measured E(t) (resolved points only) against Thm 1.2's bound, the
 * tolerance epsilon, the horizon T* as a vertical rule, and the residual measured vs predicted by the empirical
 * NTK (exp(-K0 t) r(0)); log-log.
 */
export function horizonPlot(name: string, horizon: LazyHorizon, label: string): Plot {
  const rows: Row[] = [];
  let unresolved = 0;
  for (const pt of horizon.curve) {
    if (pt.resolved) rows.push({ t: pt.t, value: pt.E, series: SERIES.measured });
    else unresolved++;
    if (pt.bound > 0 && Number.isFinite(pt.bound)) rows.push({ t: pt.t, value: pt.bound, series: SERIES.bound });
    rows.push({ t: pt.t, value: horizon.epsilon, series: SERIES.epsilon });
    if (pt.residual > 0) rows.push({ t: pt.t, value: pt.residual, series: SERIES.residual });
    if (pt.predicted > 0) rows.push({ t: pt.t, value: pt.predicted, series: SERIES.predicted });
  }
  const notes = [`${unresolved} of ${horizon.curve.length} times omitted from E(t): not 10x above its measurement uncertainty.`, `Constants: ${label}.`];
  const domain = Object.values(SERIES);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${name}: lazy horizon at alpha = ${horizon.alpha} (E <= ${significant(horizon.epsilon, 3)} guaranteed up to T* = ${significant(horizon.T, 3)})`,
    ...CHART_SIZE,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: rows.map((r) => ({ ...r })) },
        mark: { type: 'line', clip: true, strokeWidth: 1.8, point: { filled: true, size: 14 } },
        encoding: {
          x: logField('t', 't (training time)'),
          y: logField('value', 'E(t), bound, residual'),
          color: { field: 'series', type: 'nominal', title: 'series', scale: { domain } },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: 'series',
            scale: {
              domain,
              range: [
                [1, 0],
                [6, 3],
                [2, 2],
                [1, 0],
                [4, 2],
              ],
            },
          },
        },
      },
      ...(horizon.T > 0
        ? [
            {
              data: { values: [{ t: horizon.T }] },
              mark: { type: 'rule', color: 'black', strokeDash: [3, 3] },
              encoding: { x: { field: 't', type: 'quantitative' } },
            },
          ]
        : []),
    ],
  } as Plot['spec'];
  return {
    name: 'lazy-horizon',
    title: `Lazy horizon of ${name}`,
    caption: `E(t) = ||r(t) - rbar(t)|| measured on ${name} against Thm 1.2's bound; the dashed rule marks T*, the largest T at which the bound guarantees E <= epsilon.`,
    spec,
    points: rows.length,
    notes,
  };
}
