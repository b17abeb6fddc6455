import { CIRCLE, tanhNet } from './_tanhNet.js';

/**
 * A 2-layer tanh network (m = 16 neurons, inputs in R^2, n = 6 data points: p = 48) with correct declared
 * constants (derived in _tanhNet.ts), trained at alpha = 10 towards y_k = sin(2 theta_k) / sqrt(n) (the inputs sit
 * at angles theta_k = 2 pi k / 7). `ntk-check model examples/models/tanh-net.ts` must pass.
 */
const net = tanhNet({ name: 'tanh-net (m = 16, d = 2, n = 6)', m: 16, inputs: CIRCLE, seed: 7, alpha: 10 });

export default { ...net, yStar: CIRCLE.map((_, k) => Math.sin((4 * Math.PI * k) / 7) / Math.sqrt(CIRCLE.length)) };
