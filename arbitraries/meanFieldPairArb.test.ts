import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { meanFieldJacobianDifference } from '../src/models/meanFieldJacobianDifference.js';
import { describeMeanFieldPair, reviveMeanFieldPair } from '../src/statements/meanFieldPairJson.js';
import { neuronBlockTop } from './_internals/neuronBlock.js';
import { meanFieldPairArb } from './meanFieldPairArb.js';

describe('meanFieldPairArb', () => {
  it('draws distinct points of the right length, all directions and inits, and round-trips through describe/revive', () => {
    const pairs = fc.sample(meanFieldPairArb(), { numRuns: 60, seed: 3 });
    for (const c of pairs) {
      expect([c.u.length, c.v.length]).toEqual([c.model.p, c.model.p]);
      expect(distance(c.u, c.v)).toBeGreaterThan(0);
      const back = reviveMeanFieldPair(JSON.parse(JSON.stringify(describeMeanFieldPair(c))));
      expect([Array.from(back.u), Array.from(back.v), back.direction, back.init]).toEqual([Array.from(c.u), Array.from(c.v), c.direction, c.init]);
    }
    expect(new Set(pairs.map((c) => c.direction))).toEqual(new Set(['random', 'neuron', 'worst']));
    expect(new Set(pairs.map((c) => c.init))).toEqual(new Set(['symmetric', 'independent']));
  });

  it("aligned directions reach the neuron block's top eigenvalue (n = 1, small steps): the quotient nears the Hessian's norm", () => {
    const aligned = meanFieldPairArb({ maxN: 1, step: { min: 1e-7, max: 1e-5 } }).filter((c) => c.direction !== 'random' && c.model.X > 0);
    fc.assert(
      fc.property(aligned, (c) => {
        const { model, u, v } = c;
        const i = Array.from(u.subarray(0, model.m)).findIndex((a, k) => a !== v[k]);
        const uo = model.m + i * model.d;
        const z = Math.sqrt(model.m) * model.x.reduce((s, xk, k) => s + xk * (u[uo + k] as number), 0);
        const { lambda } = neuronBlockTop(model.activation, z, Math.sqrt(model.m) * (u[i] as number), model.X);
        const quotient = opNorm(meanFieldJacobianDifference(model, u, v), model.n, model.p) / distance(u, v);
        expect(quotient).toBeGreaterThan(Math.abs(lambda) * (1 - 1e-3) - 1e-12);
      }),
      { numRuns: 40 },
    );
  });
});
