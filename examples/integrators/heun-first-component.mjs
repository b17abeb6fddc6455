// BROKEN (vectorization bug, invisible on scalar problems): Heun's method whose predictor moves every
// component by the first component's slope k1[0]. Converges at order 2 on the scalar converse probes; on
// multi-dimensional gradient flows it follows another vector field. Expected findings: loss-increase, prop-3.1 or thm-1.2.
export default {
  name: 'heun with a broadcast predictor',
  order: 2,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    for (let i = 0; i < steps; i++) {
      const t = t0 + i * h;
      const k1 = f(t, y);
      const k2 = f(
        t + h,
        y.map((v) => v + h * k1[0]),
      );
      y = y.map((v, j) => v + (h / 2) * (k1[j] + k2[j]));
    }
    return y;
  },
};
