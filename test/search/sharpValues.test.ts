import { describe, expect, it } from 'vitest';
import { matrixCaseArb } from '../../arbitraries/matrixCaseArb.js';
import { searchReport } from '../../src/search/searchReport.js';
import { eq25 } from '../../src/statements/defs/eq-25.js';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import { prop31 } from '../../src/statements/defs/prop-3.1.js';
import { thm32 } from '../../src/statements/defs/thm-3.2.js';
import { matrixStatement } from '../../src/statements/matrixStatement.js';
import type { PaperConstant } from '../../src/statements/PaperConstant.js';
import type { AnyStatement, Statement } from '../../src/statements/Statement.js';

/** The statement's (only) holding reading and its constant of `branch`. */
function constantOf(statement: AnyStatement, branch?: string): PaperConstant {
  const constant = statement.readings[0]!.constants?.find((c) => c.branch === branch);
  if (constant?.sharp === undefined) throw new Error(`${statement.id}: no sharp value for branch ${branch}`);
  return constant;
}

/** The same matrix statement over scalar A, B only (the scope of the sharp value). */
const scalarOnly = (s: typeof lemma33) =>
  matrixStatement({
    id: s.id,
    source: s.source,
    summary: s.summary,
    readings: s.readings,
    mutant: s.mutant,
    arbitrary: () => matrixCaseArb({ maxN: 1, maxP: 1 }),
  });

describe('sharp values from theory, and the search gets within 1% of each', () => {
  it('Lemma 3.3: the scalar supremum sqrt(2/e) / 2 of the ratio, checked against the statement itself', () => {
    const { sharp } = constantOf(lemma33);
    expect(sharp!.ratio).toBeCloseTo(1 / Math.sqrt(2 * Math.E), 15);
    // At a^2 t = 1/2 with b -> 0 the statement's own ratio tends to it (from below), and no scalar case exceeds it.
    const at = (a: number, b: number, t: number) => {
      const c = { n: 1, p: 1, At: Float64Array.of(a), Bt: Float64Array.of(b), t, mode: 'random' };
      return lemma33.readings[0]!.bound(lemma33.measure(c).tight);
    };
    const near = at(Math.SQRT1_2, 1e-7, 1);
    expect(near.lhs / near.rhs).toBeCloseTo(sharp!.ratio, 6);
    for (const [a, b, t] of [
      [0.3, 0.2, 2],
      [1, -0.5, 0.7],
      [0, 1, 1.2564],
      [2, -4, 0.1],
    ] as const) {
      const bound = at(a, b, t);
      expect(bound.lhs / bound.rhs).toBeLessThan(sharp!.ratio);
    }
  });

  it.each([
    ['lemma-3.3', scalarOnly(lemma33)],
    ['eq-25', scalarOnly(eq25 as typeof lemma33)],
  ])('%s over scalars: 600 evaluations reach 99% of the supremum, certified, never above it', (_id, statement) => {
    const { sharp } = constantOf(statement);
    const r = searchReport(statement, statement.readings[0]!, { seed: 1, evaluations: 600 });
    expect(r.certified).toBe(true);
    expect(r.worstRatio).toBeGreaterThan(0.99 * sharp!.ratio);
    expect(r.worstRatio).toBeLessThanOrEqual(sharp!.ratio);
  });

  it.each([
    ['thm-3.2', 'saturated', thm32 as AnyStatement],
    ['prop-3.1', 'linearized', prop31 as AnyStatement],
  ])('%s, %s branch: 600 evaluations of the branch search reach 99% of the supremum, certified', (_id, branch, statement) => {
    const { sharp } = constantOf(statement, branch);
    const r = searchReport(statement as Statement<unknown, unknown>, statement.readings[0]!, { seed: 1, evaluations: 600, branch });
    expect(r).toMatchObject({ branch, certified: true });
    expect(r.certification?.branch).toBe(branch);
    expect(r.worstRatio).toBeGreaterThan(0.99 * sharp!.ratio);
    expect(r.worstRatio).toBeLessThanOrEqual(sharp!.ratio * (1 + 1e-9));
  });
});
