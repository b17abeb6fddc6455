import { CIRCLE, tanhNet } from './_tanhNet.js';

/**
 * BROKEN: the tanh net declaring Lip(Dh) = 1e-3, far below the truth (the kind of constant that made the theory
 * look refuted when the bug was the model's). Expected: exit 1, a `lipDh` finding naming the pair (u, v) and the
 * ratio, and no theorem run (so none is reported refuted).
 */
const net = tanhNet({ name: 'tanh-net with an underestimated Lip(Dh)', m: 16, inputs: CIRCLE, seed: 7, alpha: 10 });

export default { ...net, lipDh: () => 1e-3 };
