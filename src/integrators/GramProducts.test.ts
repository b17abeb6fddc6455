/**
 * integrateExponential with the linear part given by its products ({@link GramProducts}, as a mean-field net's
 * structured J(w) is): the same solve as with the dense B up to rounding, and a structured part of the wrong shape or
 * with non-finite data is refused as a dense one is.
 */
import { describe, expect, test } from 'vitest';
import { exponentialMethods } from './exponentialMethods/index.js';
import type { GramProducts } from './GramProducts.js';
import { type ExponentialOptions, type ExponentialProblem, integrateExponential } from './integrateExponential.js';
import { solveError } from './_testing/solveError.js';
import { N, R, tanhGramFlow as flow, y0 } from './_testing/tanhGramFlow.js';

const zb43 = exponentialMethods.zb43;
const base: ExponentialOptions = { rtol: 1e-8, atol: 1e-11 };

/** The products with a dense rows x n matrix B written out plainly (other sums than NegativeGramOperator's loops). */
function productsOf(B: Float64Array, rows: number, n: number, finite = true): GramProducts {
  return {
    rows,
    n,
    project: (x, out) => {
      for (let i = 0; i < rows; i++) out[i] = x.reduce((s, xj, j) => s + (B[i * n + j] as number) * xj, 0);
    },
    addBack: (v, out) => {
      for (let j = 0; j < n; j++) out[j] = (out[j] as number) + v.reduce((s, vi, i) => s + (B[i * n + j] as number) * vi, 0);
    },
    gram: () =>
      Float64Array.from({ length: rows * rows }, (_, q) =>
        B.slice(Math.floor(q / rows) * n, (Math.floor(q / rows) + 1) * n).reduce((s, b, j) => s + b * (B[(q % rows) * n + j] as number), 0),
      ),
    finite: () => finite,
  };
}

const structured = (p: ExponentialProblem, shape = { rows: R, n: N }, finite = true): ExponentialProblem => ({
  ...p,
  linearize: (t, y) => productsOf(p.linearize(t, y) as Float64Array, shape.rows, shape.n, finite),
});

describe('integrateExponential: a linear part given by its products', () => {
  test.each([0, 0.8])('eps = %s: the dense solve up to rounding, with the same steps (both pairs)', (eps) => {
    for (const method of [exponentialMethods.zb43, exponentialMethods.exprk5s8]) {
      const dense = integrateExponential(method, flow(eps), 0, y0, 40, base);
      const byProducts = integrateExponential(method, structured(flow(eps)), 0, y0, 40, base);
      // (the re-linearizations may differ: at eps = 0 the remainder's Lipschitz estimate is rounding noise)
      expect([byProducts.steps, byProducts.rejected]).toEqual([dense.steps, dense.rejected]);
      const gap = Math.hypot(...Array.from(byProducts.y, (x, q) => x - (dense.y[q] as number)));
      expect(gap).toBeLessThan(1e-12 * Math.hypot(...dense.y));
    }
  });

  test('a part of the wrong shape or with non-finite data is refused (non-finite, before any step)', () => {
    for (const p of [structured(flow(0), { rows: R + 1, n: N }), structured(flow(0), { rows: R, n: N - 1 }), structured(flow(0), { rows: R, n: N }, false)]) {
      const e = solveError(() => integrateExponential(zb43, p, 0, y0, 1, base));
      expect([e.reason, e.steps]).toEqual(['non-finite', 0]);
      expect(e.message).toContain(`linearize(t, y) must return ${R} x ${N} finite entries`);
    }
  });
});
