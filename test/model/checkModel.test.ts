import { describe, expect, it } from 'vitest';
import cubic from '../../examples/models/cubic-features.js';
import tanhNet from '../../examples/models/tanh-net.js';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { checkModel } from '../../src/model/checkModel.js';
import type { ModelModule } from '../../src/model/ModelModule.js';
import { structuredQuadratic } from '../../src/models/structuredQuadratic.js';

/** Small budgets: the machinery is under test, not the theory. */
const SMALL = { runs: 12, shrinkEvaluations: 40, lipschitzBudget: { points: 16, climbers: 2, steps: 40 } } as const;

/** A structured quadratic (Lip(Dh) = ||lambda|| = 0.5 exactly) offered as a user module with its exact constant. */
function exactQuadratic(): ModelModule {
  const q = structuredQuadratic({
    h0: [0, 0],
    G: [
      [1, 0.2, 0],
      [0, 0.5, 0.3],
    ],
    lambda: [0.3, 0.4],
    v: [0.6, 0.8, 0],
    w0: [0, 0, 0],
  });
  return { name: 'structured quadratic', p: 3, n: 2, value: (w) => q.value(w), jacobian: (w) => q.jacobian(w), lipDh: () => 0.5, lipH: (rho) => q.lipH(rho) };
}

describe('checkModel', () => {
  it('refutes a sanity mutant on a model with correct constants: a certified counterexample with its replay', () => {
    const report = checkModel(tanhNet, { ...SMALL, mutant: true, statements: ['prop-3.1'], replayCommand: 'ntk-check model examples/models/tanh-net.ts' });
    expect(report.label).toBe('certified');
    expect(report.verdict).toBe('refuted');
    const [outcome] = report.statements;
    expect(outcome).toMatchObject({ id: 'prop-3.1', reading: 'mutant', verdict: 'refuted' });
    const ce = outcome?.counterexample;
    expect(ce).toBeDefined();
    expect(ce!.margin).toBeGreaterThan(ce!.uncertainty);
    expect(ce!.case).toMatchObject({ family: 'user', instance: { model: { kind: 'user', p: 48, n: 6 } } });
    expect(outcome?.replay).toBe(`ntk-check model examples/models/tanh-net.ts --seed ${report.seed} --runs 12 --statement prop-3.1 (sanity mutant readings)`);
    // The same seed replays the same counterexample.
    expect(checkModel(tanhNet, { ...SMALL, mutant: true, statements: ['prop-3.1'] }).statements[0]?.counterexample).toEqual(ce);
  });

  it('labels results of estimated constants "estimated, not certified" and reports a violation as evidence, never a refutation', () => {
    const { lipDh: _d, lipH: _h, ...bare } = cubic;
    const passing = checkModel(bare, { ...SMALL, statements: ['thm-1.2', 'prop-3.1'] });
    expect(passing).toMatchObject({
      label: 'estimated, not certified',
      verdict: 'pass',
      constants: { lipDh: { source: 'estimated' }, lipH: { source: 'estimated' } },
    });
    const mutant = checkModel(bare, { ...SMALL, mutant: true, statements: ['prop-3.1'] });
    expect(mutant.verdict).toBe('evidence');
    expect(mutant.statements[0]?.verdict).toBe('evidence');
  });

  it('finds no fault with a declared constant equal to the exact one, and finds it from below', () => {
    const report = checkModel(exactQuadratic(), { ...SMALL, statements: ['thm-1.2'] });
    expect(report.findings).toEqual([]);
    const found = report.constants.lipDh.balls.map((b) => b.found);
    for (const f of found) {
      expect(f).toBeGreaterThan(0.45); // the search gets within 10% of Lip(Dh) = 0.5 ...
      expect(f).toBeLessThanOrEqual(0.5 * (1 + 1e-12)); // ... from below (a sampled ratio is a lower bound)
    }
  });

  it('reports the same object for the same seed (deterministic), and a different search for another seed', () => {
    const options = { ...SMALL, statements: ['thm-1.2'] };
    const a = checkModel(cubic, options);
    expect(JSON.stringify(checkModel(cubic, options))).toBe(JSON.stringify(a));
    expect(checkModel(cubic, { ...options, seed: 5 }).constants.lipDh.balls[0]?.found).not.toBe(a.constants.lipDh.balls[0]?.found);
  });

  it('fixes alpha, T and the targets when asked, and checks them', () => {
    const report = checkModel(cubic, { ...SMALL, statements: ['thm-1.2'], alpha: 3, T: 0.05, targets: [[1, 0, 0, 0]], epsilon: 0.2 });
    expect(report.verdict).toBe('pass');
    expect(report.statements[0]?.discarded).toBe(0);
    expect(report.horizon).toMatchObject({ alpha: 3, epsilon: 0.2 });
    expect(() => checkModel(cubic, { targets: [[1, 0]] })).toThrow(/targets\[0\]/);
    expect(() => checkModel(cubic, { T: -1 })).toThrow(NtkInputError);
  });

  it('rejects an object without the model shape, naming it', () => {
    expect(() => checkModel({ name: 'x', p: 1, n: 1 } as unknown as ModelModule)).toThrow(/^model="x" must be an object .*\(its value is not a function\)$/);
    expect(() => checkModel({ ...cubic, lipDh: () => Number.NaN })).toThrow(/\(its lipDh\(1\) returned NaN, not a number >= 0\)$/);
  });
});
