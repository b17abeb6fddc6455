// BROKEN: h_k(w) = log(1 + <x_k, w>) is NaN wherever <x_k, w> < -1, and the ball B(w0, 1) around w0 = 0 reaches
// there (||x_k|| = 1.5). No declared constants. Expected: exit 1, a `non-finite` finding naming the point; no
// theorem run.
const X = [
  [1.5, 0],
  [0, -1.5],
];

export default {
  name: 'log link, NaN on part of the ball',
  p: 2,
  n: 2,
  value: (w) => X.map((x) => Math.log(1 + x[0] * w[0] + x[1] * w[1])),
  jacobian: (w) =>
    X.map((x) => {
      const z = 1 + x[0] * w[0] + x[1] * w[1];
      return [x[0] / z, x[1] / z];
    }),
};
