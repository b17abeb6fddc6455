import { describe, expect, it } from 'vitest';
import { certifyCase, RATIO_AGREEMENT } from '../../src/search/certifyCase.js';
import { randomWorst } from '../../src/search/randomWorst.js';
import { searchWorst } from '../../src/search/searchWorst.js';
import { eq25 } from '../../src/statements/defs/eq-25.js';
import { thm12 } from '../../src/statements/defs/thm-1.2.js';
import type { Reading, Statement } from '../../src/statements/Statement.js';

/** The search and random sampling at the same number of measure() calls and seed. */
function race<C, M>(statement: Statement<C, M>, reading: Reading<M>, evaluations: number, seed: number) {
  const search = searchWorst(statement, reading, { seed, evaluations, optimizer: 'evolution' });
  const random = randomWorst(statement, reading, { seed, evaluations: search.evaluations });
  return { search, random };
}

describe('searchWorst: targeted search beats random sampling at the same budget', () => {
  it('eq-25 (matrix exponentials), 200 evaluations, eight seeds: the search wins at most seeds and is closer to 1/2 on average', () => {
    // With log-uniform entries random sampling alone reaches 0.4995 at some seeds, so one seed's race can be lost.
    const races = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => race(eq25, eq25.readings[0]!, 200, seed));
    const gap = (ratios: number[]) => ratios.reduce((s, x) => s + (0.5 - x), 0) / ratios.length;
    for (const { search, random } of races) {
      expect([search.evaluations, random.evaluations, search.randomPhase.evaluations]).toEqual([200, 200, 60]);
      expect(search.worstRatio).toBeLessThan(0.5); // scalars approach 1/2 as ||B|| -> 0; no matrix case above it found so far
    }
    expect(races.filter((r) => r.search.worstRatio > r.random.worstRatio).length).toBeGreaterThanOrEqual(6);
    expect(gap(races.map((r) => r.search.worstRatio))).toBeLessThan(gap(races.map((r) => r.random.worstRatio)));
  });

  it("thm-1.2 (flows), 250 evaluations, three seeds: the search gets closer to the ratio's ceiling 1/2; its worst case is certified", () => {
    // Both approach 1/2 (random sampling alone reaches 0.4996 at some seeds), so one seed's race is a coin toss near
    // the ceiling: the search must win at most seeds and be closer to 1/2 on average. 250 evaluations: since the
    // generator draws five families (the commuting one added), 150 left the climbing phase too few evaluations per
    // niche (seed 1: search 0.451, random 0.497); at 250 the search wins at seeds 1-4 (0.49984 / 0.49999 / 0.49976 /
    // 0.49932 against random's 0.49727 / 0.49972 / 0.49950 / 0.46763).
    const races = [1, 2, 3].map((seed) => race(thm12, thm12.readings[0]!, 250, seed));
    const gap = (ratios: number[]) => ratios.reduce((s, x) => s + (0.5 - x), 0) / ratios.length;
    expect(races.filter((r) => r.search.worstRatio > r.random.worstRatio).length).toBeGreaterThanOrEqual(2);
    expect(gap(races.map((r) => r.search.worstRatio))).toBeLessThan(gap(races.map((r) => r.random.worstRatio)));
    const { search } = races[0]!;
    expect(search.worstRatio).toBeGreaterThan(0.499);
    const certification = certifyCase(thm12, thm12.readings[0]!, search.worst!.case);
    expect(certification).toMatchObject({ verdict: 'pass', certified: true });
    // The search ranks by the tight float ratio; the certification's is the deciding method's (a decimal reference
    // when the case has one), within the agreement its `certified` asserts.
    expect(Math.abs(certification.ratio - search.worstRatio)).toBeLessThanOrEqual(RATIO_AGREEMENT * search.worstRatio);
  });

  it('is deterministic for a seed under an evaluation budget', () => {
    const a = searchWorst(eq25, eq25.readings[0]!, { seed: 3, evaluations: 80 });
    const b = searchWorst(eq25, eq25.readings[0]!, { seed: 3, evaluations: 80 });
    expect(eq25.describe(b.worst!.case)).toEqual(eq25.describe(a.worst!.case));
    expect(b.worstRatio).toBe(a.worstRatio);
  });

  it('rejects an empty budget', () => {
    expect(() => searchWorst(eq25, eq25.readings[0]!, { seed: 1 })).toThrow(/budget=.* must be given as evaluations and\/or milliseconds/);
    expect(() => searchWorst(eq25, eq25.readings[0]!, { seed: 1, evaluations: 0 })).toThrow(/budget\.evaluations=0 must be an integer > 0/);
  });
});
