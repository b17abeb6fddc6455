// BROKEN (crashes): the classical RK4, except that a solve with more than 64 steps keeps every stage it ever
// computed in a cache that is never emptied, and then some: it grows until the worker's heap limit. Expected
// finding: crash (the worker is stopped at its memory cap; ntk-check survives and goes on).
import { explicitRk, RK4 } from './_rk.mjs';

const rk4 = explicitRk('rk4', 4, RK4);
const cache = [];

export default {
  name: 'rk4 that leaks memory after 64 steps',
  order: 4,
  solve(f, t0, y0, t1, steps) {
    if (steps > 64) for (;;) cache.push(new Array(1e5).fill(Math.random()));
    return rk4.solve(f, t0, y0, t1, steps);
  },
};
