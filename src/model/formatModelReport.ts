import { significant } from '../format/numbers.js';
import type { ModelReport } from './ModelReport.js';

const g = (x: number, digits = 4) => significant(x, digits);

/** The human-readable report of `ntk-check model` (the JSON one is the {@link ModelReport} itself). */
export function formatModelReport(report: ModelReport, source: string): string {
  const lines: string[] = [];
  lines.push(`model ${report.name} (${source}): p = ${report.p}, n = ${report.n}, ball B(w0, ${g(report.rho)}), seed ${report.seed}`);
  lines.push(`constants: ${report.label}`);
  for (const key of ['lipDh', 'lipH'] as const) {
    const c = report.constants[key];
    const balls = c.balls.map(
      (b) =>
        `rho ${g(b.rho, 3)}: ${c.source === 'declared' ? `declared ${g(b.value)}, found ${g(b.found)} (ratio ${g(b.ratio, 3)})` : `estimated ${g(b.found)}`}`,
    );
    lines.push(`  ${key} ${c.source}: ${balls.join('; ')}`);
  }
  lines.push(
    `jacobian: ${report.jacobian.entries} entries at ${report.jacobian.points} points vs central differences, worst |J - D| / bound = ${g(report.jacobian.worstRatio, 3)}`,
  );
  if (report.findings.length > 0) {
    lines.push('FINDINGS against the model (no theorem was run):');
    for (const f of report.findings) lines.push(`  [${f.kind}] ${f.message}`);
    lines.push('verdict: finding (exit 1)');
    return lines.join('\n');
  }
  lines.push(`statements (${report.label}):`);
  for (const s of report.statements) {
    lines.push(
      `  ${s.verdict.padEnd(8)} ${`${s.id} / ${s.reading}`.padEnd(28)} worst ratio ${g(s.worstRatio)}  runs ${s.runs}${s.discarded > 0 ? `, ${s.discarded} outside hypothesis` : ''}${s.unsolved > 0 ? `, ${s.unsolved} unsolved` : ''}${s.uncertain > 0 ? `, ${s.uncertain} uncertain` : ''}${s.undecided > 0 ? `, ${s.undecided} undecided` : ''}`,
    );
    if (s.counterexample !== undefined) {
      const ce = s.counterexample;
      lines.push(
        `           ${s.verdict === 'refuted' ? 'certified counterexample' : 'violation (evidence: the constants are estimated)'}: ${s.formula}: lhs ${g(ce.bound.lhs)} > rhs ${g(ce.bound.rhs)}, ratio ${g(ce.ratio)}, margin ${g(ce.margin, 3)} > uncertainty ${g(ce.uncertainty, 3)}`,
      );
      lines.push(`           case ${JSON.stringify(ce.case)}`);
      lines.push(`           replay: ${s.replay}`);
    }
  }
  const { ntk, horizon } = report;
  if (ntk !== undefined) {
    lines.push(`empirical NTK K0 = J0 J0^T at w0: lambda_min ${g(ntk.lambdaMin)}, lambda_max ${g(ntk.lambdaMax)}, condition ${g(ntk.condition)}`);
    const slowest = Number.isFinite(ntk.condition)
      ? `the slowest mode decays like exp(-lambda_min t), time constant ${g(1 / ntk.lambdaMin, 3)}`
      : 'K0 is singular to rounding: the residual along its null space is never fitted (n > p, or J0 rank-deficient)';
    lines.push(`  kernel regression: r(t) = exp(-K0 t) r(0), ||r(0)|| = ${g(Math.sqrt(2 * ntk.R0))} (alpha = ${ntk.alpha}); ${slowest}`);
  }
  if (horizon !== undefined) {
    const limit = horizon.limitedBy === 'ball' ? ` (the ball's limit alpha^2 rho^2 / R0: the bound stays below epsilon there)` : '';
    lines.push(`lazy horizon at alpha = ${horizon.alpha}: T* = ${g(horizon.T)}${limit}`);
    lines.push(
      `  Thm 1.2 guarantees E(T) <= epsilon = ${g(horizon.epsilon)} for every T <= T* (kappa(T*) = ${g(horizon.kappa, 3)}, Lip(Dh) = ${g(horizon.lipDh)}; ${report.label})`,
    );
    const atT = horizon.curve.find((pt) => pt.t === horizon.T);
    if (atT !== undefined)
      lines.push(`  measured at T*: E = ${g(atT.E)} (bound ${g(atT.bound)}), ||r|| = ${g(atT.residual)} vs kernel prediction ${g(atT.predicted)}`);
    lines.push(
      `  measured E(t) first exceeds epsilon at ${horizon.measuredCrossing === null ? 'no time on the curve' : `t ~ ${g(horizon.measuredCrossing, 3)}`} (curve up to ${g(horizon.curve[horizon.curve.length - 1]?.t ?? 0, 3)})`,
    );
  }
  lines.push(`verdict: ${report.verdict}${report.verdict === 'pass' ? '' : ' (exit 1)'}`);
  return lines.join('\n');
}
