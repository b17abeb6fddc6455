/**
 * Shared by the built-in examples: an ntk-check Runge-Kutta tableau, driven by `integrateFixed`, wrapped in the
 * `ntk-check audit` module contract. Files starting with `_` are helpers, not audit subjects.
 */
import type { IntegratorModule } from '../../src/audit/index.js';
import { integrateFixed, tableaus, type Rhs, type TableauName } from '../../src/integrators/index.js';

/** The built-in tableau `name` as an audit subject claiming the tableau's own order. */
export function builtinIntegrator(name: TableauName): IntegratorModule {
  const tableau = tableaus[name];
  return {
    name: `${name} (ntk-check integrateFixed)`,
    order: tableau.order,
    solve(f, t0, y0, t1, steps) {
      const rhs: Rhs = (t, y, dy) => dy.set(f(t, Array.from(y)));
      return Array.from(integrateFixed(tableau, rhs, t0, y0, t1, steps).y);
    },
  };
}
