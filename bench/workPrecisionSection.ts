import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gradientFlow, type GradientFlowResult } from '../src/flow/gradientFlow.js';
import type { Instance } from '../src/flow/Instance.js';
import { loss, residual } from '../src/flow/residual.js';
import { instanceToJson } from '../src/flow/instanceToJson.js';
import { renderSvg } from '../src/plot/renderSvg.js';
import writeFileAtomic from 'write-file-atomic';
import { runScipyWorkPrecision, type WorkPrecisionCase, type WorkPrecisionOutcome } from './scipyWorkPrecision.js';
import { time, type TimingOptions } from './timing.js';
import { costAt, finalStateError, type WorkPoint, workPrecisionSpec } from './workPrecision.js';

/** One instance of the work-precision section. */
export interface WorkPrecisionInstance {
  /** File stem and case name (e.g. 'quadratic-a', 'meanfield-m4096'). */
  readonly name: string;
  readonly label: string;
  readonly instance: Instance;
  /** The ladder of rtols (ntk-check and scipy alike). */
  readonly rtols: readonly number[];
  /** rtol of the two references (ntk-check's and scipy DOP853's). */
  readonly referenceRtol: number;
  readonly scipyMethods: WorkPrecisionCase['methods'];
  readonly timing: TimingOptions;
  /** Final-state errors at which the cost is compared. */
  readonly targets: readonly number[];
}

/** The comparison at one target error. */
export interface EqualErrorRow {
  readonly instance: string;
  readonly target: number;
  readonly ntkCpuMs?: number;
  readonly ntkRtol?: number;
  readonly ntkMethod?: string;
  readonly bestScipy?: string;
  readonly bestScipyCpuMs?: number;
  readonly bestScipyRtol?: number;
  /** Fastest scipy method's cost over ntk-check's (> 1: ntk-check faster). */
  readonly speedup?: number;
}

/** What the section measured for one instance. */
export interface WorkPrecisionReport {
  readonly name: string;
  readonly label: string;
  readonly points: readonly WorkPoint[];
  /** Relative distance between ntk-check's and scipy DOP853's reference solutions (the error floor). */
  readonly referenceFloor?: number;
  readonly referenceSource: string;
  readonly numpyRhs?: string;
  readonly numpyRhsMicroseconds?: Record<string, number>;
  readonly rows: readonly EqualErrorRow[];
  readonly svg: string;
}

const fmt = (x: number | undefined): string => (x === undefined ? '-' : x >= 1e4 || x < 1e-2 ? x.toExponential(2) : x.toPrecision(3));

/** The path 'auto' took and the integrator on it: 'explicit dop853', 'exponential exprk5s8', 'switched dopri5/zb43'. */
function integratorLabel(flow: GradientFlowResult): string {
  if (flow.method === 'explicit') return `explicit ${flow.tableau}`;
  if (flow.method === 'exponential') return `exponential ${flow.exponentialMethod}`;
  return `switched ${flow.tableau}/${flow.exponentialMethod}`;
}

const displacement = (instance: Instance, wT: Float64Array): Float64Array => wT.map((w, j) => w - (instance.model.w0[j] as number));

/** ntk-check's default atol scale sqrt(T R0) / alpha (atol = rtol * scale), handed to scipy too. */
function atolScale(instance: Instance): number {
  const scale = Math.sqrt(instance.T * loss(residual(instance, instance.model.w0))) / instance.alpha;
  return scale > 0 ? scale : 1;
}

/**
 * Section (w): work-precision ladders of ntk-check (default solve, no certifying re-solve) and of scipy's solve_ivp
 * (DOP853, RK45, LSODA; the fastest numpy right-hand side of a few) on the same instances, every solve's error
 * measured in the final state d(T) = w(T) - w0 against one tight reference (scipy DOP853 at referenceRtol when scipy
 * runs, ntk-check's own otherwise; their distance is reported as the floor). The cost to reach a target error is
 * each solver's cheapest ladder point at or below it. Writes one SVG per instance into `svgDir`.
 */
export async function workPrecisionSection(
  root: string,
  scratch: string,
  svgDir: string,
  instances: readonly WorkPrecisionInstance[],
  withScipy: boolean,
): Promise<{ reports: WorkPrecisionReport[]; scipy: WorkPrecisionOutcome }> {
  mkdirSync(svgDir, { recursive: true });
  const cases: WorkPrecisionCase[] = instances.flatMap((w) => [
    { name: w.name, instance: instanceToJson(w.instance), methods: w.scipyMethods, rtols: w.rtols, atolScale: atolScale(w.instance), maxSeconds: 90 },
    {
      name: `${w.name}-reference`,
      instance: instanceToJson(w.instance),
      methods: ['DOP853'],
      rtols: [w.referenceRtol],
      atolScale: atolScale(w.instance),
      maxSeconds: 600,
    },
  ]);
  const scipy: WorkPrecisionOutcome = withScipy
    ? runScipyWorkPrecision(root, join(scratch, 'scipy-workprecision-cases.json'), cases)
    : { ran: false, reason: '--no-scipy' };
  const reports: WorkPrecisionReport[] = [];
  for (const w of instances) {
    const { instance } = w;
    const ntkRef = displacement(instance, gradientFlow(instance, { rtol: w.referenceRtol, estimateError: false }).wT);
    const result = scipy.ran ? scipy.results.find((r) => r.name === w.name) : undefined;
    const scipyRefRun = scipy.ran ? scipy.results.find((r) => r.name === `${w.name}-reference`)?.runs[0] : undefined;
    const ref = scipyRefRun ? Float64Array.from(scipyRefRun.dT) : ntkRef;
    const referenceFloor = scipyRefRun ? finalStateError(ntkRef, ref) : undefined;
    const points: WorkPoint[] = [];
    // JIT warm, as the issue measures: one untimed pass over the whole ladder first, so that every path the ladder
    // takes (dopri5, DOP853, the exponential pairs) is compiled before any of it is timed. Without it the first
    // rtols of a path paid for TurboFan's background compilation (process CPU time counts its threads): single
    // solves of the m = 1024 net at 2-5x their settled time, medians of three off by up to 1.7x.
    for (const rtol of w.rtols) gradientFlow(instance, { rtol, estimateError: false, dense: false });
    for (const rtol of w.rtols) {
      let flow = gradientFlow(instance, { rtol, estimateError: false, dense: false });
      const t = time(() => (flow = gradientFlow(instance, { rtol, estimateError: false, dense: false })), w.timing);
      points.push({
        solver: 'ntk-check',
        rtol,
        cpuMs: t.cpuMs,
        wallMs: t.wallMs,
        rhsEvaluations: flow.rhsEvaluations,
        error: finalStateError(displacement(instance, flow.wT), ref),
        method: integratorLabel(flow),
      });
    }
    for (const run of result?.runs ?? []) {
      if (run.status !== 0) continue;
      points.push({
        solver: `scipy ${run.method}`,
        rtol: run.rtol,
        cpuMs: run.cpuMilliseconds,
        wallMs: run.milliseconds,
        rhsEvaluations: run.nfev,
        error: finalStateError(run.dT, ref),
      });
    }
    const scipySolvers = [...new Set(points.map((p) => p.solver).filter((s) => s !== 'ntk-check'))];
    const rows = w.targets.map((target): EqualErrorRow => {
      const ntk = costAt(points, 'ntk-check', target);
      const best = scipySolvers
        .map((s) => costAt(points, s, target))
        .filter((p): p is WorkPoint => p !== undefined)
        .sort((a, b) => a.cpuMs - b.cpuMs)[0];
      return {
        instance: w.name,
        target,
        ...(ntk ? { ntkCpuMs: ntk.cpuMs, ntkRtol: ntk.rtol, ...(ntk.method ? { ntkMethod: ntk.method } : {}) } : {}),
        ...(best ? { bestScipy: best.solver, bestScipyCpuMs: best.cpuMs, bestScipyRtol: best.rtol } : {}),
        ...(ntk && best ? { speedup: best.cpuMs / ntk.cpuMs } : {}),
      };
    });
    const floor = Math.max(1e-16, referenceFloor ?? 0);
    const svg = join(svgDir, `${w.name}.svg`);
    writeFileAtomic.sync(svg, await renderSvg(workPrecisionSpec(`Work-precision: ${w.label}`, points, floor)));
    reports.push({
      name: w.name,
      label: w.label,
      points,
      ...(referenceFloor === undefined ? {} : { referenceFloor }),
      referenceSource: scipyRefRun ? `scipy DOP853 at rtol ${w.referenceRtol}` : `ntk-check at rtol ${w.referenceRtol}`,
      ...(result ? { numpyRhs: result.rhsVariant, numpyRhsMicroseconds: result.rhsMicroseconds } : {}),
      rows,
      svg,
    });
    printReport(reports[reports.length - 1] as WorkPrecisionReport);
  }
  return { reports, scipy };
}

function printReport(r: WorkPrecisionReport): void {
  console.log(`\nw   ${r.label}: reference ${r.referenceSource}, floor ${fmt(r.referenceFloor)}${r.numpyRhs ? `, numpy rhs '${r.numpyRhs}'` : ''}`);
  console.log(`    ${'solver'.padEnd(14)} ${'rtol'.padStart(8)} ${'cpu ms'.padStart(9)} ${'rhs ev'.padStart(8)} ${'error'.padStart(9)}  method`);
  for (const p of r.points)
    console.log(
      `    ${p.solver.padEnd(14)} ${fmt(p.rtol).padStart(8)} ${fmt(p.cpuMs).padStart(9)} ${String(p.rhsEvaluations).padStart(8)} ${fmt(p.error).padStart(9)}  ${p.method ?? ''}`,
    );
  console.log('    at equal final-state error:  target   ntk-check ms (rtol, path)   fastest scipy ms (method, rtol)   speed-up');
  for (const row of r.rows) {
    const ntk = row.ntkCpuMs === undefined ? 'not reached' : `${fmt(row.ntkCpuMs)} (${fmt(row.ntkRtol)}, ${row.ntkMethod ?? ''})`;
    const sp = row.bestScipyCpuMs === undefined ? 'not reached' : `${fmt(row.bestScipyCpuMs)} (${row.bestScipy ?? ''}, ${fmt(row.bestScipyRtol)})`;
    console.log(`    ${' '.repeat(29)}${fmt(row.target).padStart(7)}   ${ntk.padEnd(26)}   ${sp.padEnd(32)}   ${fmt(row.speedup)}x`);
  }
  console.log(`    wrote ${r.svg}`);
}
