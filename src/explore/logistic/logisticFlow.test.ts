import { describe, expect, it } from 'vitest';
import { quadraticModel } from '../../models/quadratic.js';
import { centredModel, type LogisticCase } from './LogisticCase.js';
import { logisticFlow } from './logisticFlow.js';
import { logisticLoss, logisticLossGradient } from './logisticLoss.js';

function logisticCase(Qscale: number): LogisticCase {
  const base = quadraticModel({
    h0: [0.3, -0.2],
    G: [
      [1, 0.5],
      [-0.4, 0.8],
    ],
    Q: [
      [
        [Qscale, 0],
        [0, 0],
      ],
      [
        [0, Qscale],
        [Qscale, 0],
      ],
    ],
    w0: [0.1, -0.2],
  });
  return { model: centredModel(base), base, labels: Float64Array.of(1, -1), alpha: 3, T: 2, family: 'quadratic' };
}

describe('cross-entropy flows', () => {
  it('the gradient is the derivative of the loss (central differences), and bounded by 1 per output', () => {
    const y = Float64Array.of(0.7, -40, 35);
    const labels = Float64Array.of(1, 1, -1);
    const g = logisticLossGradient(y, labels);
    for (let i = 0; i < 3; i++) {
      const e = 1e-6;
      const up = Float64Array.from(y, (v, j) => (j === i ? v + e : v));
      const down = Float64Array.from(y, (v, j) => (j === i ? v - e : v));
      expect(g[i]).toBeCloseTo((logisticLoss(up, labels) - logisticLoss(down, labels)) / (2 * e), 8);
      expect(Math.abs(g[i] as number)).toBeLessThanOrEqual(1);
    }
  });

  it('E(T) = 0 for a linear model (Q = 0) and > 0 for a curved one', () => {
    expect(logisticFlow(logisticCase(0), 1e-10).E).toBeLessThan(1e-12);
    expect(logisticFlow(logisticCase(0.5), 1e-10).E).toBeGreaterThan(1e-4);
  });

  it('converges under a tighter tolerance', () => {
    const c = logisticCase(0.5);
    const [a, b] = [logisticFlow(c, 1e-8).E, logisticFlow(c, 1e-11).E];
    expect(Math.abs(a - b)).toBeLessThan(1e-6 * b);
  });
});
