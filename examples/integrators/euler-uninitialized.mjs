// BROKEN (NaN): forward Euler that accumulates into `new Array(n)`: undefined + x is NaN. Expected finding: non-finite.
export default {
  name: 'euler with an uninitialized accumulator',
  order: 1,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 0; i < steps; i++) {
      const k = f(t0 + i * h, y);
      const next = new Array(y.length);
      for (let j = 0; j < y.length; j++) next[j] += y[j] + h * k[j];
      y = next;
    }
    return y;
  },
};
