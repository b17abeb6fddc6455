import { performance } from 'node:perf_hooks';
import { gradientFlow } from '../src/flow/gradientFlow.js';
import { quadraticBenchInstance, meanFieldBenchInstance } from './instances.js';
import { gram } from '../src/linalg/dense.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';

function time(f: () => unknown, reps = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); f(); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(reps / 2)] as number;
}
const a = quadraticBenchInstance({ seed: 1, n: 8, p: 32, alpha: 100, T: 100 });
const J0 = a.model.jacobian(a.model.w0);
console.log('eig K0', symmetricEigen(gram(J0, 8, 32), 8).values, 'lipDh', a.model.lipDh(Infinity));
let res = gradientFlow(a, { rtol: 1e-10, estimateError: false });
console.log('(a)', res.steps, res.rejected, res.rhsEvaluations, 'ms', time(() => gradientFlow(a, { rtol: 1e-10, estimateError: false })));
const w = new Float64Array(32), r = new Float64Array(8), out = new Float64Array(32);
w.set(res.wT);
const N = 20000;
let s = performance.now();
for (let i = 0; i < N; i++) { a.model.value(w, r); a.model.vjp(w, r, out); }
console.log('value+vjp us', (performance.now() - s) / N * 1000);
for (const T of [1e2, 1e3, 1e4]) {
  const b = quadraticBenchInstance({ seed: 1, n: 8, p: 32, alpha: 100, T, lambdaMax: 1 });
  const ms = time(() => (res = gradientFlow(b, { rtol: 1e-10, estimateError: false })), 1);
  console.log('(b) T', T, res.steps, res.rhsEvaluations, 'ms', ms, 'rT', Math.hypot(...res.rT));
}
for (const m of [64, 256, 1024, 4096]) {
  const c = meanFieldBenchInstance({ seed: 2, m, d: 8, n: 8, T: 100, activation: 'sigmoid' });
  const ms = time(() => (res = gradientFlow(c, { rtol: 1e-8, estimateError: false })), 1);
  const J = c.model.jacobian(c.model.w0);
  console.log('(c) m', m, res.steps, res.rhsEvaluations, 'ms', ms, 'rT', Math.hypot(...res.rT), 'eig', symmetricEigen(gram(J, 8, c.model.p), 8).values.map(x=>+x.toPrecision(3)).join(' '));
}
