// BROKEN (ignores t): RK4 that evaluates every stage at the start time t0 (a frozen clock). Exact on autonomous
// problems; wrong on non-autonomous ones. Expected finding: time-dependence.
import { explicitRk, RK4 } from './_rk.mjs';

const rk4 = explicitRk('rk4', 4, RK4);

export default {
  name: 'rk4 with a frozen clock',
  order: 4,
  solve: (f, t0, y0, t1, steps) => rk4.solve((_t, y) => f(t0, y), t0, y0, t1, steps),
};
