// BROKEN (hangs): the classical RK4, except that a solve with more than 64 steps never returns (an infinite loop,
// as a user might leave in a debugging branch). Expected finding: hangs (under a deadline: ntk-check audit runs
// modules in a worker thread and terminates a solve past --timeout); the rest of the audit runs.
import { explicitRk, RK4 } from './_rk.mjs';

const rk4 = explicitRk('rk4', 4, RK4);

export default {
  name: 'rk4 that hangs after 64 steps',
  order: 4,
  solve(f, t0, y0, t1, steps) {
    if (steps > 64) for (;;);
    return rk4.solve(f, t0, y0, t1, steps);
  },
};
