/**
 * `npm run bench`: how many instances ntk-check solves per second, on fixed seeds (a benchmark, not a test).
 * (a) quadratic n=8, p=32, alpha=100, T=100, rtol=1e-10; (b) the same with lambda_max(K0)=1, T=1e2..1e5;
 * (c) mean-field net (sigmoid, d=8, n=8, T=100), m=64..4096, alpha=sqrt(m), rtol=1e-8; (d) Lemma 3.3 at
 * n=8..128; (e) the 50-digit converse. Prints solves per second, right-hand-side evaluations per solve and the
 * share of time spent in them, with scipy's solve_ivp on the same instances in the same run when python3 +
 * scipy are available (`--no-scipy` skips it, `--full` adds scipy at T = 1e5, ~7 s per solve); writes
 * reports/bench.json. Instance construction: bench/instances.ts (seeded, documented).
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { flowKernel } from '../src/flow/flowRhs.js';
import { gradientFlow, type GradientFlowResult } from '../src/flow/gradientFlow.js';
import type { Instance } from '../src/flow/Instance.js';
import { loss, residual } from '../src/flow/residual.js';
import { solveRun } from '../src/flow/Run.js';
import type { Rhs } from '../src/integrators/Rhs.js';
import { instanceToJson } from '../src/models/instanceToJson.js';
import { PreciseConverse } from '../src/precise/PreciseConverse.js';
import { projectRoot } from '../src/projectRoot.js';
import { lemma33 } from '../src/statements/defs/lemma-3.3.js';
import { writeFileAtomic } from '../src/writeFileAtomic.js';
import { baselineRhs, baselineSolve } from './baseline.js';
import { lemmaCase } from './cases.js';
import { meanFieldBenchInstance, quadraticBenchInstance } from './instances.js';
import { runScipy, type ScipyCase, type ScipyOutcome, type ScipyResult } from './scipyReference.js';
import { time, type Timing } from './timing.js';

/** One line of the report. */
interface Row {
  readonly section: string;
  readonly instance: string;
  readonly solver: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly perSecond: number;
  readonly rhsEvaluations?: number;
  readonly linearizations?: number;
  /** Fraction of the solve's time spent in right-hand-side evaluations. */
  readonly rhsShare?: number;
  /** |r(T) - r_ref(T)| / |r(0)|, r_ref from the exponential path at rtol 1e-13. */
  readonly error?: number;
}

const args = new Set(process.argv.slice(2));
/** `--only=ab` runs only those sections (default: all of a..e). */
const only = [...args].find((x) => x.startsWith('--only='))?.slice('--only='.length) ?? 'abcde';
const runs = (section: string) => only.includes(section);
const rows: Row[] = [];
const root = projectRoot();
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });

const fmt = (x: number | undefined, digits = 3): string => (x === undefined ? '' : x >= 1e4 || x < 1e-3 ? x.toExponential(2) : x.toPrecision(digits));

function add(row: Row): void {
  rows.push(row);
  const cells = [
    row.section.padEnd(3),
    row.instance.padEnd(30),
    row.solver.padEnd(34),
    fmt(row.wallMs).padStart(9),
    fmt(row.cpuMs).padStart(9),
    fmt(row.perSecond).padStart(9),
    fmt(row.rhsEvaluations, 6).padStart(8),
    (row.rhsShare === undefined ? '' : `${Math.round(100 * row.rhsShare)}%`).padStart(6),
    fmt(row.error, 2).padStart(9),
  ];
  console.log(cells.join(' '));
}

/** Per-evaluation time of a right-hand side at a few states along a solution (median of tight loops). */
function rhsMicros(f: Rhs, states: readonly Float64Array[]): number {
  const p = states[0]?.length ?? 0;
  const out = new Float64Array(p);
  const loops = Math.max(20, Math.ceil(20_000 / Math.max(1, p)));
  const t = time(() => {
    for (let i = 0; i < loops; i++) f(0, states[i % states.length] as Float64Array, out);
  }, { warmup: 1, minRuns: 5, minTotalMs: 150 });
  return (1000 * t.cpuMs) / loops;
}

/** Displacements d = w - w0 at a few mesh points of a solved flow. */
function statesOf(instance: Instance, flow: GradientFlowResult): Float64Array[] {
  const { ts } = flow.trajectory;
  const picks = [0, 0.1, 0.3, 0.6, 1].map((q) => ts[Math.min(ts.length - 1, Math.floor(q * (ts.length - 1)))] as number);
  return picks.map((t) => flow.trajectory.weights(t).map((w, j) => w - (instance.model.w0[j] as number)));
}

const r0Norm = (instance: Instance) => Math.sqrt(2 * loss(residual(instance, instance.model.w0)));
const errorOf = (rT: ArrayLike<number>, ref: Float64Array, instance: Instance) =>
  Math.hypot(...Array.from(ref, (x, i) => (rT[i] as number) - x)) / r0Norm(instance);
const defaultAtol = (instance: Instance, rtol: number) => (rtol * Math.sqrt(instance.T * loss(residual(instance, instance.model.w0)))) / instance.alpha;

/** Time gradientFlow and add its row (rhs share from the kernel's per-evaluation time). */
function flowRow(section: string, label: string, instance: Instance, options: Parameters<typeof gradientFlow>[1], solver: string, ref?: Float64Array, timing?: Partial<Parameters<typeof time>[1]>): { row: Row; flow: GradientFlowResult } {
  let flow = gradientFlow(instance, options);
  const t: Timing = time(() => (flow = gradientFlow(instance, options)), timing);
  const micro = rhsMicros(flowKernel(instance).rhs, statesOf(instance, flow));
  const evals = flow.rhsEvaluations + (flow.tighter?.rhsEvaluations ?? 0);
  const row: Row = {
    section,
    instance: label,
    solver: `${solver} [${flow.method}]`,
    wallMs: t.wallMs,
    cpuMs: t.cpuMs,
    perSecond: 1000 / t.wallMs,
    rhsEvaluations: evals,
    linearizations: flow.linearizations + (flow.tighter?.linearizations ?? 0),
    rhsShare: Math.min(1, (evals * micro) / 1000 / t.cpuMs),
    ...(ref ? { error: errorOf(flow.rT, ref, instance) } : {}),
  };
  add(row);
  return { row, flow };
}

function baselineRow(section: string, label: string, instance: Instance, rtol: number, ref: Float64Array, timing?: Partial<Parameters<typeof time>[1]>): Row {
  const atol = defaultAtol(instance, rtol);
  let result = baselineSolve(instance, rtol, atol);
  const t = time(() => (result = baselineSolve(instance, rtol, atol)), timing);
  const micro = rhsMicros(baselineRhs(instance), [new Float64Array(instance.model.p)]);
  const row: Row = {
    section,
    instance: label,
    solver: 'before: dopri5, model value+vjp',
    wallMs: t.wallMs,
    cpuMs: t.cpuMs,
    perSecond: 1000 / t.wallMs,
    rhsEvaluations: result.rhsEvaluations,
    rhsShare: Math.min(1, (result.rhsEvaluations * micro) / 1000 / t.cpuMs),
    error: errorOf(result.rT, ref, instance),
  };
  add(row);
  return row;
}

function scipyRow(section: string, label: string, r: ScipyResult, ref: Float64Array, instance: Instance): Row {
  const row: Row = {
    section,
    instance: label,
    solver: `scipy ${r.method} (atol ${r.atol.toExponential(0)})`,
    wallMs: r.milliseconds,
    cpuMs: r.cpuMilliseconds,
    perSecond: 1000 / r.milliseconds,
    rhsEvaluations: r.nfev,
    rhsShare: Math.min(1, (r.nfev * r.rhsMicroseconds) / 1000 / r.cpuMilliseconds),
    error: errorOf(r.rT, ref, instance),
  };
  add(row);
  return row;
}

const reference = (instance: Instance) => gradientFlow(instance, { rtol: 1e-13, method: 'exponential', estimateError: false }).rT;

console.log(`ntk-check bench — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(['sec', 'instance'.padEnd(30), 'solver'.padEnd(34), 'wall ms'.padStart(9), 'cpu ms'.padStart(9), 'per s'.padStart(9), 'rhs ev'.padStart(8), 'rhs %'.padStart(6), 'error'.padStart(9)].join(' '));

// (a) and (b): quadratic instances, with scipy on the same instances.
const RTOL_AB = 1e-10;
const a = quadraticBenchInstance({ seed: 1, n: 8, p: 32, alpha: 100, T: 100 });
const horizons = [1e2, 1e3, 1e4, 1e5];
const b = horizons.map((T) => quadraticBenchInstance({ seed: 1, n: 8, p: 32, alpha: 100, T, lambdaMax: 1 }));
const scipyCases: ScipyCase[] = [];
const caseOf = (name: string, instance: Instance, atol: number, repeat: number, maxSeconds = 20): ScipyCase =>
  ({ name, instance: instanceToJson(instance), rtol: RTOL_AB, atol, method: 'DOP853', repeat, maxSeconds });
scipyCases.push(caseOf('a', a, defaultAtol(a, RTOL_AB), 21), caseOf('a-default-atol', a, 1e-6, 21));
b.forEach((inst, i) => {
  if (horizons[i] === 1e5 && !args.has('--full')) return;
  scipyCases.push(caseOf(`b${horizons[i]}`, inst, defaultAtol(inst, RTOL_AB), horizons[i]! >= 1e4 ? 1 : 7, 30));
});
const scipy: ScipyOutcome = args.has('--no-scipy') || !(runs('a') || runs('b')) ? { ran: false, reason: args.has('--no-scipy') ? '--no-scipy' : 'sections a and b not run' } : runScipy(root, join(reports, 'bench-scipy-cases.json'), scipyCases);
const scipyResult = (name: string) => (scipy.ran ? scipy.results.find((r) => r.name === name) : undefined);

const refA = runs('a') ? reference(a) : new Float64Array(0);
let aAuto: Row | undefined;
let scipyARow: Row | undefined;
let scipyA6: ScipyResult | undefined;
if (runs('a')) {
const labelA = 'quad n8 p32 a100 T100 rtol1e-10';
aAuto = flowRow('a', labelA, a, { rtol: RTOL_AB, estimateError: false }, 'ntk-check gradientFlow', refA, { minTotalMs: 1500, minRuns: 15 }).row;
flowRow('a', labelA, a, { rtol: RTOL_AB, estimateError: false, method: 'explicit' }, 'ntk-check gradientFlow', refA, { minTotalMs: 800 });
flowRow('a', labelA, a, { rtol: RTOL_AB }, 'ntk-check + tight re-solve (certified)', refA, { minTotalMs: 800 });
baselineRow('a', labelA, a, RTOL_AB, refA);
const scipyA = scipyResult('a');
scipyA6 = scipyResult('a-default-atol');
scipyARow = scipyA ? scipyRow('a', labelA, scipyA, refA, a) : undefined;
if (scipyA6) scipyRow('a', labelA, scipyA6, refA, a);
}
if (!scipy.ran) console.log(`    scipy skipped: ${scipy.reason}`);

const bRows: Row[] = [];
if (runs('b')) b.forEach((inst, i) => {
  const T = horizons[i] as number;
  const label = `quad lmax=1 T=${T.toExponential(0)} rtol1e-10`;
  const ref = reference(inst);
  bRows.push(flowRow('b', label, inst, { rtol: RTOL_AB, estimateError: false }, 'ntk-check gradientFlow', ref, { minTotalMs: 800 }).row);
  if (T <= 1e3 || (T <= 1e4 && args.has('--full'))) baselineRow('b', label, inst, RTOL_AB, ref, { warmup: 1, minRuns: 3 });
  const s = scipyResult(`b${T}`);
  if (s) scipyRow('b', label, s, ref, inst);
});

// (c) mean-field net, NTK parametrization alpha = sqrt(m).
const cRows: Row[] = [];
if (runs('c')) for (const m of [64, 256, 1024, 4096]) {
  const inst = meanFieldBenchInstance({ seed: 2, m, d: 8, n: 8, T: 100, activation: 'sigmoid' });
  const label = `meanfield m=${m} T=100 rtol1e-8`;
  const heavy = m >= 1024 ? { warmup: 1, minRuns: 3, minTotalMs: 0 } : { minTotalMs: 600 };
  flowRow('c', label, inst, { rtol: 1e-8, estimateError: false }, 'ntk-check gradientFlow', undefined, heavy);
  cRows.push(flowRow('c', label, inst, { rtol: 1e-8 }, 'ntk-check + tight re-solve (certified)', undefined, heavy).row);
  if (m === 4096) {
    let run = solveRun(inst, { rtol: 1e-8 });
    const t = time(() => (run = solveRun(inst, { rtol: 1e-8 })), heavy);
    add({ section: 'c', instance: label, solver: `solveRun (CLI solve: both flows) [${run.nonlinear.method}]`, wallMs: t.wallMs, cpuMs: t.cpuMs, perSecond: 1000 / t.wallMs });
  }
}

// (d) Lemma 3.3: the statement's measurement (eigendecomposition route and the Taylor certification route).
if (runs('d')) for (const n of [8, 16, 32, 64, 128]) {
  const c = lemmaCase(3, n);
  const t = time(() => lemma33.measure(c), n >= 64 ? { warmup: 1, minRuns: 3, minTotalMs: 0 } : { minTotalMs: 400 });
  add({ section: 'd', instance: `lemma-3.3 n=p=${n}`, solver: 'lemma33.measure (eig + Taylor)', wallMs: t.wallMs, cpuMs: t.cpuMs, perSecond: 1000 / t.wallMs });
}

// (e) the 50-digit converse: E(T) and both bounds from fresh inputs.
if (runs('e')) {
  let i = 0;
  const t = time(() => {
    i += 1;
    const model = new PreciseConverse({ alpha: 0.37 + (i % 50) * 1e-3, T: 12.5, lip: 0.0031 * (1 + (i % 50)), R0: 2.7 });
    return [model.E, model.lowerBound, model.upperBound];
  }, { warmup: 5, minRuns: 50, minTotalMs: 400 });
  add({ section: 'e', instance: 'converse, 50 digits', solver: 'PreciseConverse E + bounds', wallMs: t.wallMs, cpuMs: t.cpuMs, perSecond: 1000 / t.wallMs });
}

// Targets of the performance issue.
const costRatio = (x: Row | undefined, y: Row | undefined, key: 'wallMs' | 'cpuMs') => (x && y ? x[key] / y[key] : undefined);
const bFirst = bRows[0];
const bLast = bRows[bRows.length - 1];
const c4096 = cRows[cRows.length - 1];
const targets = {
  aSpeedupVsScipyWall: scipyARow && aAuto ? scipyARow.wallMs / aAuto.wallMs : undefined,
  aSpeedupVsScipyCpu: scipyARow && aAuto ? scipyARow.cpuMs / aAuto.cpuMs : undefined,
  aSpeedupVsScipyDefaultAtolWall: scipyA6 && aAuto ? scipyA6.milliseconds / aAuto.wallMs : undefined,
  aSpeedupVsBriefScipyFigure24ms: aAuto ? 24 / aAuto.wallMs : undefined,
  bCostRatioT1e5OverT1e2Wall: costRatio(bLast, bFirst, 'wallMs'),
  bCostRatioT1e5OverT1e2Cpu: costRatio(bLast, bFirst, 'cpuMs'),
  bEvaluationRatio: bLast && bFirst ? (bLast.rhsEvaluations ?? 0) / (bFirst.rhsEvaluations ?? 1) : undefined,
  cM4096CertifiedSolveMs: c4096?.wallMs,
};
console.log('\ntargets:');
console.log(`  (a) speed-up over scipy DOP853 (same instance, same tolerances, this run): ${fmt(targets.aSpeedupVsScipyWall)}x wall, ${fmt(targets.aSpeedupVsScipyCpu)}x cpu` +
  ` (vs scipy at its default atol 1e-6: ${fmt(targets.aSpeedupVsScipyDefaultAtolWall)}x; vs the issue's 24 ms figure: ${fmt(targets.aSpeedupVsBriefScipyFigure24ms)}x) — target >= 20x`);
console.log(`  (b) cost(T=1e5) / cost(T=1e2): ${fmt(targets.bCostRatioT1e5OverT1e2Wall)} wall, ${fmt(targets.bCostRatioT1e5OverT1e2Cpu)} cpu, ${fmt(targets.bEvaluationRatio)} in evaluations — target <= 10`);
console.log(`  (c) m=4096 certified solve (primary + tight re-solve): ${fmt(targets.cM4096CertifiedSolveMs)} ms — target <= 1000 ms`);

const report = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
  notes: [
    'wallMs/cpuMs: medians per solve after warm-up; cpuMs is process CPU time (robust to other load on a shared machine).',
    'rhsEvaluations: per solve (primary + tight re-solve for the certified rows); rhsShare: evaluations x per-evaluation CPU time / solve CPU time.',
    'error: |r(T) - r_ref(T)| / |r(0)| with r_ref from the exponential path at rtol 1e-13.',
    'scipy rows: solve_ivp in the same run (bench/scipy_reference.py), numpy right-hand side sharing Q @ d between value and J^T r.',
  ],
  scipy: scipy.ran ? { scipy: scipy.scipy, numpy: scipy.numpy } : { skipped: scipy.reason },
  targets,
  rows,
};
writeFileAtomic(join(reports, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${join('reports', 'bench.json')}`);
