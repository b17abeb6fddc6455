import { expect, test } from 'vitest';
import { PreciseConverse } from './PreciseConverse.js';

/**
 * Performance contract: one 50-digit evaluation of the converse (E(T) and both bounds, from fresh inputs)
 * takes at most 5 ms median in-process. Measured ~1 ms on a 2-core CI machine; the limit is generous but
 * real (a regression to a naive precision strategy, e.g. 1000 working digits, breaks it).
 */
test('50-digit E(T) + bounds: median of 50 calls <= 5 ms', () => {
  const times: number[] = [];
  for (let i = 0; i < 55; i++) {
    const start = performance.now();
    const model = new PreciseConverse({ alpha: 0.37 + i * 1e-3, T: 12.5, lip: 0.0031 * (1 + i), R0: 2.7 });
    void [model.E, model.lowerBound, model.upperBound];
    const elapsed = performance.now() - start;
    if (i >= 5) times.push(elapsed); // the first calls pay for JIT warm-up
  }
  times.sort((x, y) => x - y);
  const median = ((times[24] ?? 0) + (times[25] ?? 0)) / 2;
  console.info(`converse 50-digit E + bounds: median ${median.toFixed(3)} ms over ${times.length} calls`);
  expect(median).toBeLessThanOrEqual(5);
});
