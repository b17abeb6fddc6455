import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { norm2 } from '../src/linalg/dense.js';
import { ladderInstance } from './WidthLadder.js';
import { describeWidthLadder, reviveWidthLadder } from '../src/statements/widthLadderJson.js';
import { widthLadderArb } from './widthLadderArb.js';

describe('widthLadderArb', () => {
  it('widths 8, 32, 128; unit inputs; |y*| = 1; T in [0.1, 128]; nested inits; alpha = sqrt(m); describe/revive round-trips', () => {
    for (const c of fc.sample(widthLadderArb(), { numRuns: 30, seed: 4 })) {
      expect(c.widths).toEqual([8, 32, 128]);
      expect(c.x.every((row) => Math.abs(Math.hypot(...row) - 1) < 1e-12 && row.length >= 3)).toBe(true);
      expect(c.T >= 0.1 && c.T <= 128).toBe(true);
      const [narrow, wide] = [ladderInstance(c, 0), ladderInstance(c, 1)];
      expect(Math.abs(norm2(narrow.yStar) - 1)).toBeLessThan(1e-12);
      expect([narrow.alpha, wide.alpha]).toEqual([Math.sqrt(8), Math.sqrt(32)]);
      for (let i = 0; i < 4; i++) expect((wide.model.w0[i] as number) * Math.sqrt(32)).toBeCloseTo((narrow.model.w0[i] as number) * Math.sqrt(8), 12);
      expect(reviveWidthLadder(JSON.parse(JSON.stringify(describeWidthLadder(c))))).toEqual(c);
    }
  });

  it('rejects impossible constraints', () => {
    expect(() => widthLadderArb({ minWidth: 3 })).toThrow(NtkInputError);
    expect(() => widthLadderArb({ rungs: 1 })).toThrow(NtkInputError);
    expect(() => reviveWidthLadder({ activation: 'tanh', x: [[1]], y: [1], T: 1, widths: [8, 8], seed: 1 })).toThrow(NtkInputError);
  });
});
