/**
 * A plain explicit Runge-Kutta driver, as a user might write one (shared by several examples; files starting
 * with `_` are helpers, not audit subjects). `tableau`: nodes `c`, strictly lower triangular `A` (row s has s
 * entries), weights `b`, all numbers.
 */
export function explicitRk(name, order, { c, A, b }) {
  return {
    name,
    order,
    solve(f, t0, y0, t1, steps) {
      const h = (t1 - t0) / steps;
      let y = Array.from(y0);
      for (let i = 0; i < steps; i++) {
        const t = t0 + i * h;
        const k = [];
        for (let s = 0; s < b.length; s++) {
          const stage = y.map((yj, j) => yj + h * A[s].reduce((acc, a, l) => acc + a * k[l][j], 0));
          k.push(f(t + c[s] * h, stage));
        }
        y = y.map((yj, j) => yj + h * b.reduce((acc, bs, s) => acc + bs * k[s][j], 0));
      }
      return y;
    },
  };
}

/** The classical RK4 tableau (Kutta 1901). */
export const RK4 = { c: [0, 0.5, 0.5, 1], A: [[], [0.5], [0, 0.5], [0, 0, 1]], b: [1 / 6, 1 / 3, 1 / 3, 1 / 6] };
