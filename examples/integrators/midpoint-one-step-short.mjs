// BROKEN (off by one): the explicit midpoint rule whose loop runs `for (i = 1; i < steps; i++)`, so it takes
// steps - 1 steps and returns y(t1 - h). Expected findings: order, step-count.
export default {
  name: 'midpoint, one step short',
  order: 2,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 1; i < steps; i++) {
      const t = t0 + (i - 1) * h;
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
