// CORRECT: the explicit midpoint rule, order 2, written out by hand (a .js module: ESM in this package).
export default {
  name: 'midpoint (hand-written)',
  order: 2,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 0; i < steps; i++) {
      const t = t0 + i * h;
      const k1 = f(t, y);
      const k2 = f(
        t + h / 2,
        y.map((v, j) => v + (h / 2) * k1[j]),
      );
      y = y.map((v, j) => v + h * k2[j]);
    }
    return y;
  },
};
