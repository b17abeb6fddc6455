import type { Instance } from '../../flow/Instance.js';
import { structuredQuadratic } from '../../models/structuredQuadratic.js';
import { prop11 } from '../../statements/defs/prop-1.1.js';
import { thm12 } from '../../statements/defs/thm-1.2.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';
import { CHART_CONFIG, CHART_SIZE, logField, logGrid } from '../../plot/chartStyle.js';
import { evaluateReading, readingNamed } from './evaluateReading.js';
import type { Plot, PlotBuilder } from '../../plot/Plot.js';

/** Size of {@link errorVsTimePlot}. */
export interface ErrorVsTimeConstraints {
  /** The scales alpha, one curve each. Default 1, 10, 100, 1000. */
  readonly alphas?: readonly number[];
  /** Horizons T. Default 29 points log-spaced over [1e-3, 1e4] (4 per decade). */
  readonly times?: readonly number[];
}

const ALPHAS = [1, 10, 100, 1000] as const;
const TIMES = logGrid(1e-3, 1e4, 29);
/** A measured E is drawn only when it exceeds its measurement uncertainty this many times. */
const RESOLVED_FACTOR = 10;

/**
 * One fixed structured quadratic (n = 3 > p = 2, Q_k = lambda_k v v^T, so Lip(Dh) = |lambda| = 1 exactly and
 * rho = infinity), ||G|| about 0.3, w0 = 0, h(w0) = 0 and y* = (0.6, 0, 0.8): R0 = 1/2 for every alpha. With
 * n > p neither flow fits y*, so E(T) levels off instead of decaying once both have converged.
 */
function instance(alpha: number, T: number): FlowCase {
  const model = structuredQuadratic({
    h0: [0, 0, 0],
    G: [
      [0.3, 0.05],
      [0, 0.1],
      [0.1, 0],
    ],
    lambda: [0.6, 0, 0.8],
    v: [0.6, 0.8],
    w0: [0, 0],
  });
  const inst: Instance = { model, yStar: Float64Array.of(0.6, 0, 0.8), alpha, T };
  return { instance: inst, family: 'structured', direction: 'random' };
}

interface Row {
  readonly alpha: string;
  readonly T: number;
  readonly value: number;
  readonly series: string;
}

/**
 * Plot (a): E(T) against T for several alpha on one quadratic model, log-log, with the Thm 1.2 bound
 * min(6 kappa sqrt(R0), sqrt(8 R0)) (slope 1 in T: ~ T / alpha) and the Prop 1.1 bound (reading b, slope 2:
 * ~ T^2 / alpha, drawn up to its own time limit). Both bounds are the registry's readings evaluated on the
 * plotted instances.
 */
export function errorVsTimePlot(constraints: ErrorVsTimeConstraints = {}): Plot {
  const alphas = constraints.alphas ?? ALPHAS;
  const times = constraints.times ?? TIMES;
  const thmReading = readingNamed(thm12, 'restored');
  const propReading = readingNamed(prop11, 'restored-b');
  const rows: Row[] = [];
  let unresolved = 0;
  let outsideLimit = 0;
  for (const alpha of alphas) {
    const label = `alpha = ${alpha}`;
    for (const T of times) {
      const c = instance(alpha, T);
      const thm = evaluateReading(thm12, thmReading, c);
      rows.push({ alpha: label, T, value: thm.rhs, series: 'Thm 1.2 bound' });
      if (thm.lhs > RESOLVED_FACTOR * thm.uncertainty) rows.push({ alpha: label, T, value: thm.lhs, series: 'E(T) measured' });
      else unresolved++;
      const prop = prop11.applies(c) ? evaluateReading(prop11, propReading, c) : undefined;
      if (prop !== undefined && Number.isFinite(prop.rhs)) rows.push({ alpha: label, T, value: prop.rhs, series: 'Prop 1.1 bound (b)' });
      else outsideLimit++;
    }
  }
  const notes = [
    `${unresolved} of ${alphas.length * times.length} (alpha, T) points omitted from E(T): E not ${RESOLVED_FACTOR}x above its measurement uncertainty (working vs 100x tighter solve).`,
    `Prop 1.1 (b) is drawn only where its time limit T <= alpha rho / (Lip(h) ||r(0)||) admits a ball (${outsideLimit} points outside it).`,
  ];
  return {
    name: 'error-vs-time',
    title: 'E(T) against T, several alpha, with the Thm 1.2 and Prop 1.1 bounds',
    caption:
      `One structured quadratic (n = 3, p = 2, Lip(Dh) = 1 exactly, R0 = 1/2), alpha = ${alphas.join(', ')}; log-log. ` +
      'Solid lines with dots: the measured E(T). Dashed: Thm 1.2, min(6 kappa sqrt(R0), sqrt(8 R0)), linear in T/alpha until it saturates. ' +
      'Dotted: Prop 1.1 (b), T^2 Lip(h)^2 Lip(Dh) ||r(0)||^2 / alpha, quadratic in T, until its time limit. ' +
      'E(T) itself grows like T^2/alpha for small T, stays below both bounds, and levels off, at a plateau that shrinks as alpha grows, once both flows have converged (n > p: neither fits y*).',
    spec: spec(rows, alphas),
    points: rows.length,
    notes,
  };
}

function spec(rows: readonly Row[], alphas: readonly number[]): Plot['spec'] {
  const x = logField('T', 'T (training time)');
  const y = logField('value', 'E(T) and bounds');
  const color = { field: 'alpha', type: 'nominal', title: 'scale', sort: alphas.map((a) => `alpha = ${a}`) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'NTK approximation error E(T) vs T (log-log)',
    ...CHART_SIZE,
    config: CHART_CONFIG,
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: { x, y, color },
    layer: [
      {
        transform: [{ filter: "datum.series !== 'E(T) measured'" }],
        mark: { type: 'line', clip: true, strokeWidth: 1.5 },
        encoding: {
          detail: { field: 'series' },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: 'bound',
            scale: {
              domain: ['Thm 1.2 bound', 'Prop 1.1 bound (b)'],
              range: [
                [6, 3],
                [1, 2],
              ],
            },
          },
        },
      },
      {
        transform: [{ filter: "datum.series === 'E(T) measured'" }],
        mark: { type: 'line', clip: true, strokeWidth: 2, point: { filled: true, size: 22 } },
      },
    ],
  } as Plot['spec'];
}

/** Builder of plot (a) (deterministic: no randomness). */
export const errorVsTime: PlotBuilder = { name: 'error-vs-time', build: () => errorVsTimePlot() };
