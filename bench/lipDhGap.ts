/**
 * `node dist/bench/lipDhGap.js [COUNT] [SEED]`: how far the quadratic family's certified Lip(Dh) lies above the
 * true one, over `quadraticModelArb()` (n <= 8, p <= 32, fast-check seed SEED) and at n = 8, p = 32: the ratio
 * certified / lower bound (alternating power iteration, `lipDhLowerBound`), median and max (docs/lip-dh.md).
 */
import fc from 'fast-check';
import { quadraticModelArb } from '../arbitraries/quadraticModelArb.js';
import { lipDhLowerBound } from '../src/models/_testing/lipDhLowerBound.js';
import type { QuadraticModel } from '../src/models/quadratic.js';

function summary(label: string, models: readonly QuadraticModel[]): string {
  const gaps = models
    .map((m) => m.lipDh(Infinity) / lipDhLowerBound(m))
    .filter((g) => Number.isFinite(g))
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? NaN;
  return `${label}: ${gaps.length} models, certified / lower bound: median ${median.toFixed(4)}, max ${(gaps.at(-1) ?? NaN).toFixed(4)}`;
}

const count = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
console.log(summary('quadraticModelArb()', fc.sample(quadraticModelArb(), { seed, numRuns: count })));
console.log(summary('n = 8, p = 32', fc.sample(quadraticModelArb({ minN: 8, maxN: 8, minP: 32, maxP: 32 }), { seed, numRuns: Math.ceil(count / 4) })));
console.log(summary('n = 8, p = 2..4', fc.sample(quadraticModelArb({ minN: 8, maxN: 8, minP: 2, maxP: 4 }), { seed, numRuns: Math.ceil(count / 4) })));
