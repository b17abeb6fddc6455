import fc from 'fast-check';
import { expect, test } from 'vitest';
import { NtkSolveError } from '../../src/errors/NtkSolveError.js';
import { memoizeMeasure } from '../../src/statements/memoizeMeasure.js';
import type { Measured, Statement } from '../../src/statements/Statement.js';

/** A statement over integers whose measurement counts its calls; case 13 fails like an exhausted solve. */
function counting(): { statement: Statement<number, number>; calls: number[] } {
  const calls: number[] = [];
  const reading = { name: 'restored', formula: 'x <= 1', expected: 'holds' as const, bound: (x: number) => ({ lhs: x, rhs: 1 }) };
  const statement: Statement<number, number> = {
    id: 'count',
    source: 's',
    relation: '<=',
    summary: 's',
    readings: [reading],
    mutant: { ...reading, name: 'mutant' },
    arbitrary: () => fc.integer(),
    applies: () => true,
    measure: (c): Measured<number> => {
      calls.push(c);
      if (c === 13) throw new NtkSolveError('step-budget', 'test', { t: 0, steps: 0 });
      return { primary: c, tight: c, tightAccuracy: 1e-10 };
    },
    labels: () => ({}),
    describe: (c) => ({ c }),
    revive: (d) => (d as { c: number }).c,
    requiredCoverage: {},
  };
  return { statement, calls };
}

test('one measurement per described case, shared by every reading; everything else is the statement itself', () => {
  const { statement, calls } = counting();
  const memo = memoizeMeasure(statement);
  const first = memo.measure(1);
  expect(memo.measure(1)).toBe(first);
  memo.measure(2);
  expect(calls).toEqual([1, 2]);
  expect([memo.id, memo.readings, memo.describe(5)]).toEqual([statement.id, statement.readings, { c: 5 }]);
});

test('failures are not cached: they rethrow on every call', () => {
  const { statement, calls } = counting();
  const memo = memoizeMeasure(statement);
  expect(() => memo.measure(13)).toThrow(NtkSolveError);
  expect(() => memo.measure(13)).toThrow(NtkSolveError);
  expect(calls).toEqual([13, 13]);
});

test('at most 2048 measurements are kept, the least recently used evicted first', () => {
  const { statement, calls } = counting();
  const memo = memoizeMeasure(statement);
  for (let c = 0; c < 2048; c++) if (c !== 13) memo.measure(c);
  memo.measure(-13); // 2048 kept: the cache is full
  memo.measure(0); // 0 is now the most recently used, 1 the least
  memo.measure(5000); // evicts 1
  calls.length = 0;
  memo.measure(0);
  memo.measure(2);
  memo.measure(2047);
  expect(calls).toEqual([]);
  memo.measure(1);
  expect(calls).toEqual([1]);
});
