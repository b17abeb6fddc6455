// BROKEN (sign error, a training-loop habit): forward Euler written as `w -= h * f(w)`, as if f were the loss
// gradient; here f is already the descent direction, so this climbs the loss. Expected findings: stall, and
// certified invariant violations (loss-increase first).
export default {
  name: 'euler with a flipped sign',
  order: 1,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 0; i < steps; i++) {
      const g = f(t0 + i * h, y);
      y = y.map((v, j) => v - h * g[j]);
    }
    return y;
  },
};
