import { DenseSolution } from '../DenseSolution.js';
import type { RkWorkspace } from '../RkWorkspace.js';
import { GrowableFloat64 } from './GrowableFloat64.js';

/**
 * Collects the accepted steps of an adaptive solve into a {@link DenseSolution}: mesh, states and the
 * per-step coefficients h Q_j, from the tableau's continuous extension P (Q = K^T P, scipy's `RkDenseOutput`)
 * or, without one, the cubic Hermite interpolant (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.6).
 */
export class DenseRecorder {
  private readonly ws: RkWorkspace;
  private readonly degree: number;
  private readonly mesh = new GrowableFloat64(64);
  private readonly states: Float64Array[] = [];
  private readonly coefficients: Float64Array[] = [];

  constructor(ws: RkWorkspace, t0: number, y0: Float64Array) {
    this.ws = ws;
    this.degree = ws.tableau.P === undefined ? 3 : ws.tableau.denseDegree;
    this.mesh.pushOne(t0);
    this.states.push(Float64Array.from(y0));
  }

  /**
   * Record the step of size h from y (state before) to (tNew, ws.yNew), with the stages still in `ws.k` and
   * fNew = f(tNew, yNew). Call before the workspace advances.
   */
  record(h: number, y: Float64Array, tNew: number, fNew: Float64Array): void {
    const { ws, degree: q } = this;
    const { n, k, yNew } = ws;
    const Q = new Float64Array(q * n); // kept by the solution (one array per step: recording never copies)
    const P = ws.tableau.P;
    if (P !== undefined) {
      for (let i = 0; i < P.length; i++) {
        const row = P[i] as Float64Array;
        const ki = k[i] as Float64Array;
        for (let j = 0; j < q; j++) {
          const w = h * (row[j] as number);
          if (w === 0) continue;
          const o = j * n;
          for (let m = 0; m < n; m++) Q[o + m] = (Q[o + m] as number) + w * (ki[m] as number);
        }
      }
    } else {
      const f0 = k[0] as Float64Array;
      for (let m = 0; m < n; m++) {
        const hf0 = h * (f0[m] as number);
        const hf1 = h * (fNew[m] as number);
        const dy = (yNew[m] as number) - (y[m] as number);
        Q[m] = hf0;
        Q[n + m] = 3 * dy - 2 * hf0 - hf1;
        Q[2 * n + m] = hf0 + hf1 - 2 * dy;
      }
    }
    this.coefficients.push(Q);
    this.mesh.pushOne(tNew);
    this.states.push(Float64Array.from(yNew));
  }

  /** The dense solution of the steps recorded so far. */
  finish(): DenseSolution {
    return new DenseSolution({
      n: this.ws.n,
      degree: this.degree,
      mesh: this.mesh.toArray(),
      states: this.states,
      coefficients: this.coefficients,
    });
  }
}
