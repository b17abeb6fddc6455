import { performance } from 'node:perf_hooks';
import { flowKernel } from '../src/flow/flowRhs.js';
import { integrateAdaptive } from '../src/integrators/integrateAdaptive.js';
import { integrateExponential } from '../src/integrators/integrateExponential.js';
import { exponentialMethods } from '../src/integrators/exponentialMethods/index.js';
import { tableaus } from '../src/integrators/tableaus/index.js';
import { quadraticBenchInstance } from './instances.js';

function median(f: () => unknown, reps: number): number {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); f(); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  return ts[reps >> 1] as number;
}
const relinearizeAt = Number(process.argv[2] ?? 0.5);
for (const [label, spec] of [['a', { seed: 1, n: 8, p: 32, alpha: 100, T: 100 }], ['b1e2', { seed: 1, n: 8, p: 32, alpha: 100, T: 100, lambdaMax: 1 }], ['b1e3', { seed: 1, n: 8, p: 32, alpha: 100, T: 1e3, lambdaMax: 1 }], ['b1e5', { seed: 1, n: 8, p: 32, alpha: 100, T: 1e5, lambdaMax: 1 }]] as const) {
  const inst = quadraticBenchInstance(spec);
  const k = flowKernel(inst);
  const p = k.p;
  const scale = Math.sqrt(inst.T) / inst.alpha;
  const ref = spec.T <= 1e3 ? integrateAdaptive(tableaus.dopri5, k.rhs, 0, new Float64Array(p), inst.T, { rtol: 1e-13, atol: 1e-13 * scale }).y : undefined;
  const rel = (y: Float64Array) => ref === undefined ? NaN : Math.hypot(...y.map((x, i) => x - (ref[i] as number))) / Math.hypot(...ref);
  for (const rtol of [1e-8, 1e-10]) {
    const opts = { rtol, atol: rtol * scale, dense: true };
    const ex = () => integrateExponential(exponentialMethods.zb43, { f: k.rhs, rows: k.n, linearize: (_t, y) => k.jacobian(y) }, 0, new Float64Array(p), inst.T, { ...opts, relinearizeAt, relinearizeDrift: Number(process.argv[3] ?? 0.5) });
    const dp = () => integrateAdaptive(tableaus.dopri5, k.rhs, 0, new Float64Array(p), inst.T, opts);
    const e = ex();
    const reps = 9;
    const te = median(ex, reps);
    const d = spec.T <= 1e4 ? dp() : undefined;
    const td = d ? median(dp, 3) : NaN;
    console.log(label, rtol, `expo steps ${e.steps} rej ${e.rejected} evals ${e.rhsEvaluations} lin ${e.linearizations} mesh ${e.dense?.ts.length} err ${rel(e.y).toExponential(1)} ms ${te.toFixed(2)} | dopri5 evals ${d?.rhsEvaluations} err ${d ? rel(d.y).toExponential(1) : ''} ms ${td.toFixed(2)}`);
  }
}
const a = quadraticBenchInstance({ seed: 1, n: 8, p: 32, alpha: 100, T: 100 });
const k = flowKernel(a);
const d = new Float64Array(32).map((_, i) => 0.01 * Math.sin(i)); const out = new Float64Array(32);
console.log('rhs us', (median(() => { for (let i = 0; i < 10000; i++) k.rhs(0, d, out); }, 5) / 10000) * 1000);
