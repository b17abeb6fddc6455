import type { AnyStatement } from '../statements/Statement.js';
import type { Job } from './Job.js';
import type { PlotBuilder } from '../plot/Plot.js';

/**
 * The jobs of a report: plots first (the longest single jobs, so the pool starts them early), then every reading
 * and the sanity mutant of every statement, in registry order.
 */
export function planJobs(statements: readonly AnyStatement[], plots: readonly PlotBuilder[]): Job[] {
  return [
    ...plots.map((p): Job => ({ kind: 'plot', name: p.name })),
    ...statements.flatMap((s): Job[] => [
      ...s.readings.map((r): Job => ({ kind: 'reading', statementId: s.id, reading: r.name, role: 'reading' })),
      { kind: 'reading', statementId: s.id, reading: s.mutant.name, role: 'mutant' },
    ]),
  ];
}
