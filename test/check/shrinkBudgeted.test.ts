import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shrinkBudgeted } from '../../src/check/shrinkBudgeted.js';

describe('shrinkBudgeted: shrink candidates stop with the budget', () => {
  const inner = fc.integer({ min: 0, max: 1_000_000 });

  it('generates as the arbitrary it wraps, and offers its candidates until spent() turns true', () => {
    let spent = false;
    const wrapped = shrinkBudgeted(inner, () => spent);
    expect(fc.sample(wrapped, { seed: 3, numRuns: 20 })).toEqual(fc.sample(inner, { seed: 3, numRuns: 20 }));
    const all = [...inner.shrink(777_777, undefined)].map((v) => v.value);
    expect([...wrapped.shrink(777_777, undefined)].map((v) => v.value)).toEqual(all);
    const taken: number[] = [];
    for (const v of wrapped.shrink(777_777, undefined)) {
      taken.push(v.value);
      spent = taken.length === 3; // the budget runs out while the stream is read
    }
    expect(taken).toEqual(all.slice(0, 3));
    expect([...wrapped.shrink(777_777, undefined)]).toEqual([]);
  });

  it('a property shrinks to the same counterexample, building no candidate past the budget', () => {
    const run = (budgeted: boolean) => {
      let evaluations = 0;
      let built = 0;
      const counted = inner.map((x) => {
        built++;
        return x;
      });
      const arbitrary = budgeted ? shrinkBudgeted(counted, () => evaluations >= 5) : counted;
      const result = fc.check(
        fc.property(arbitrary, (x) => (++evaluations > 5 ? true : x < 10)),
        { seed: 1 },
      );
      return { counterexample: result.counterexample, built };
    };
    const plain = run(false);
    const withBudget = run(true);
    expect(withBudget.counterexample).toEqual(plain.counterexample);
    expect(withBudget.built).toBeLessThan(plain.built);
  });
});
