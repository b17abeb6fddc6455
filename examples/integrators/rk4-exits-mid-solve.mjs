// BROKEN (exits): the classical RK4, except that a solve with more than 64 steps calls process.exit(3) halfway
// (a library that "gives up" by exiting). Expected finding: exits; the audit survives it and goes on.
import { explicitRk, RK4 } from './_rk.mjs';

const rk4 = explicitRk('rk4', 4, RK4);

export default {
  name: 'rk4 that exits mid-solve',
  order: 4,
  solve(f, t0, y0, t1, steps) {
    if (steps > 64) {
      rk4.solve(f, t0, y0, (t0 + t1) / 2, steps / 2);
      process.exit(3);
    }
    return rk4.solve(f, t0, y0, t1, steps);
  },
};
