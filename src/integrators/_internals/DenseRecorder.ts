import { DenseSolution } from '../DenseSolution.js';
import type { Rhs } from '../Rhs.js';
import type { RkWorkspace } from '../RkWorkspace.js';
import { BlockAllocator } from './BlockAllocator.js';
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
  /** Scratch: one column of P. */
  private readonly column: Float64Array;
  private readonly store = new BlockAllocator();
  private readonly coefficients: Float64Array[] = [];

  constructor(ws: RkWorkspace, t0: number, y0: Float64Array) {
    this.ws = ws;
    this.degree = ws.tableau.P === undefined ? 3 : ws.tableau.denseDegree;
    this.column = new Float64Array(ws.tableau.P?.length ?? ws.tableau.stages);
    this.mesh.pushOne(t0);
    this.states.push(Float64Array.from(y0));
  }

  /**
   * Record the step of size h from (t, y) (state before) to (tNew, ws.yNew), with the stages still in `ws.k` and
   * fNew = f(tNew, yNew). Call before the workspace advances. Evaluates the tableau's extra dense stages, if any, at
   * y + h sum_j A_rj k_j (into `ws.kExtra`); returns the number of evaluations of f this took.
   */
  record(f: Rhs, t: number, h: number, y: Float64Array, tNew: number, fNew: Float64Array): number {
    const { ws, degree: q } = this;
    const { n, yNew } = ws;
    const { extraC, extraA } = ws.tableau;
    const k = extraC.length === 0 ? ws.k : [...ws.k, ...ws.kExtra];
    for (let r = 0; r < extraC.length; r++) {
      const row = extraA[r] as Float64Array;
      ws.combine(ws.yStage, 0, y, h, row, k, row.length);
      f(t + (extraC[r] as number) * h, ws.yStage, ws.kExtra[r] as Float64Array);
    }
    const Q = this.store.take(q * n); // kept by the solution (recording never copies)
    const P = ws.tableau.P;
    if (P === undefined) {
      const f0 = k[0] as Float64Array;
      for (let m = 0; m < n; m++) {
        const hf0 = h * (f0[m] as number);
        const hf1 = h * (fNew[m] as number);
        const dy = (yNew[m] as number) - (y[m] as number);
        Q[m] = hf0;
        Q[n + m] = 3 * dy - 2 * hf0 - hf1;
        Q[2 * n + m] = hf0 + hf1 - 2 * dy;
      }
    } else {
      // one pass over the components for all q coefficient vectors (each stage read once: long vectors are
      // memory-bound)
      // Q_j = h sum_i P_ij k_i, the stages combined four per pass (long vectors are memory-bound)
      const column = this.column;
      // Stryker disable next-line EqualityOperator: equivalent for `<=`: it only adds index q n of Q (j = q): linearCombination then writes past the end of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let j = 0; j < q; j++) {
        for (let i = 0; i < P.length; i++) column[i] = (P[i] as Float64Array)[j] as number;
        ws.combine(Q, j * n, undefined, h, column, k, P.length);
      }
    }
    this.coefficients.push(Q);
    this.mesh.pushOne(tNew);
    const state = this.store.take(n);
    state.set(yNew);
    this.states.push(state);
    return extraC.length;
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
