import { CIRCLE, tanhNet } from './_tanhNet.js';

/**
 * BROKEN: the tanh net whose Jacobian forgets the chain rule's factor tanh' = 1 - tanh^2 in the first-layer
 * entries (a classic hand-derivation slip). Expected: exit 1, a `jacobian` finding, no theorem run.
 */
const net = tanhNet({ name: 'tanh-net with a wrong Jacobian', m: 16, inputs: CIRCLE, seed: 7, alpha: 10 });
const d = 2;
const m = 16;

export default {
  ...net,
  jacobian(w: Float64Array): number[][] {
    const rows = net.jacobian(w) as number[][];
    return rows.map((row, k) => {
      const x = CIRCLE[k] as readonly number[];
      return row.map((entry, q) => {
        const i = Math.floor(q / (d + 1));
        if (q % (d + 1) === 0 || i >= m) return entry;
        const z = (w[i * (d + 1) + 1] as number) * (x[0] as number) + (w[i * (d + 1) + 2] as number) * (x[1] as number);
        const t = Math.tanh(z);
        return entry / (1 - t * t); // the missing factor, divided back out
      });
    });
  },
};
