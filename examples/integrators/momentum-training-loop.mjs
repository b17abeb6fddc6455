// BROKEN (training loop, not a flow solver): gradient descent with heavy-ball momentum 0.9, learning rate h per
// step. As h -> 0 it follows the gradient flow run 1/(1 - 0.9) = 10 times too fast, so it converges to the wrong
// answer. Expected findings: stall, and certified invariant violations (e.g. prop-3.1).
const BETA = 0.9;

export default {
  name: 'sgd with momentum',
  order: 1,
  solve(f, t0, y0, t1, steps) {
    const h = (t1 - t0) / steps;
    let y = [...y0];
    let velocity = y.map(() => 0);
    for (let i = 0; i < steps; i++) {
      const g = f(t0 + i * h, y);
      velocity = velocity.map((v, j) => BETA * v + h * g[j]);
      y = y.map((v, j) => v + velocity[j]);
    }
    return y;
  },
};
