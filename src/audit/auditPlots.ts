import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_SIZE, logField } from '../plot/chartStyle.js';
import type { AuditResult } from './auditIntegrator.js';
import { probeLabel } from './converseProbes.js';

/** One plotted measurement: a probe (the series), x, and the relative error. */
interface Row {
  readonly probe: string;
  readonly x: number;
  readonly error: number;
}

/** The two figures of `ntk-check audit --out DIR`, as vega-lite specs (file stem and spec). */
export interface AuditFigure {
  readonly name: 'convergence' | 'work-precision';
  readonly spec: TopLevelSpec;
}

const positive = (r: Row) => Number.isFinite(r.x) && r.x > 0 && Number.isFinite(r.error) && r.error > 0;

function lineChart(title: string, rows: readonly Row[], xTitle: string, extra: readonly object[] = []): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    ...CHART_SIZE,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: rows.filter(positive) },
        mark: { type: 'line', point: { filled: true, size: 28 }, clip: true },
        encoding: {
          x: logField('x', xTitle),
          y: logField('error', 'relative error of y(t1)'),
          color: { field: 'probe', type: 'nominal', title: 'probe' },
        },
      },
      ...extra,
    ],
  } as TopLevelSpec;
}

/**
 * The audit's figures, in the report's chart style: the convergence plot (relative error against steps for a
 * fixed-step subject, against rtol for an adaptive one, with the line error = rtol), and the work-precision plot
 * (relative error against f evaluations per solve), one series per probe, log-log. Non-finite errors are left out.
 */
export function auditFigures(result: AuditResult): AuditFigure[] {
  const name = result.report.name;
  if (result.tolerance !== undefined) {
    const sweeps = result.tolerance.sweeps;
    const byRtol = sweeps.flatMap((s) => s.points.map((p) => ({ probe: probeLabel(s.probe), x: p.rtol, error: p.error })));
    const rtols = byRtol.map((r) => r.x);
    const diagonal = {
      data: { values: [Math.min(...rtols), Math.max(...rtols)].map((x) => ({ x, error: x })) },
      mark: { type: 'line', color: 'black', strokeDash: [5, 3] },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'error', type: 'quantitative' } },
    };
    return [
      {
        name: 'convergence',
        spec: lineChart(`${name}: error against rtol (dashed: error = rtol)`, byRtol, 'rtol (atol = rtol ||y(t1)||)', rtols.length > 0 ? [diagonal] : []),
      },
      {
        name: 'work-precision',
        spec: lineChart(
          `${name}: work-precision`,
          sweeps.flatMap((s) => s.points.map((p) => ({ probe: probeLabel(s.probe), x: p.evaluations, error: p.error }))),
          'f evaluations per solve',
        ),
      },
    ];
  }
  const probes = result.convergence?.probes ?? [];
  return [
    {
      name: 'convergence',
      spec: lineChart(
        `${name}: error against steps`,
        probes.flatMap((r) => r.points.map((p) => ({ probe: probeLabel(r.probe), x: p.steps, error: p.error }))),
        'steps',
      ),
    },
    {
      name: 'work-precision',
      spec: lineChart(
        `${name}: work-precision`,
        probes.flatMap((r) => r.points.map((p) => ({ probe: probeLabel(r.probe), x: p.evaluations, error: p.error }))),
        'f evaluations per solve',
      ),
    },
  ];
}
