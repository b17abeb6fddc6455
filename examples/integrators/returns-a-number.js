// UNUSABLE (exit 2): solve returns y(t1)[0], a number, instead of the array y(t1).
export default {
  name: 'scalar-minded euler',
  order: 1,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = y0[0];
    for (let i = 0; i < steps; i++) y += h * f(t0 + i * h, [y])[0];
    return y;
  },
};
