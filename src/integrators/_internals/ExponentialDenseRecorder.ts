import { ExponentialDenseSolution } from '../ExponentialDenseSolution.js';
import type { NegativeGramOperator } from '../NegativeGramOperator.js';
import { exponentialInterpolant, InterpolantScratch, type StepData } from './exponentialInterpolant.js';
import { MODAL, VECTORS } from './exponentialStepLayout.js';
import { BlockAllocator } from './BlockAllocator.js';
import { GrowableFloat64 } from './GrowableFloat64.js';

/** Collects the accepted steps of `integrateExponential` into an {@link ExponentialDenseSolution}. */
export class ExponentialDenseRecorder {
  private readonly n: number;
  private readonly rows: number;
  private readonly t0: number;
  private readonly y0: Float64Array;
  private readonly starts = new GrowableFloat64(64);
  private readonly widths = new GrowableFloat64(64);
  private readonly operatorOf: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent: a non-operator first entry is never equal to d.op, so the first step pushes its operator after it and operatorOf indexes past the placeholder
  private readonly operators: NegativeGramOperator[] = [];
  private readonly chunks: Float64Array[] = [];
  private readonly store = new BlockAllocator();
  private readonly mesh = new GrowableFloat64(64);
  private readonly scratch: InterpolantScratch;
  private readonly tmp: Float64Array;

  constructor(n: number, rows: number, t0: number, y0: Float64Array) {
    this.n = n;
    this.rows = rows;
    this.t0 = t0;
    this.y0 = Float64Array.from(y0);
    this.scratch = new InterpolantScratch(rows);
    this.tmp = new Float64Array(n);
    this.mesh.pushOne(t0);
  }

  /**
   * Record the accepted step from (d.t, d.u) of size d.h, ending at uNew (the propagated solution), and the
   * interior mesh points `extraMesh` (strictly inside the step, increasing).
   */
  record(d: StepData, uNew: Float64Array, extraMesh: readonly number[]): void {
    const { n, rows } = this;
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: memory only: pushing the same operator again (every step) still maps each step to its own operator through operatorOf
    if (this.operators[this.operators.length - 1] !== d.op) this.operators.push(d.op);
    this.operatorOf.push(this.operators.length - 1);
    this.starts.pushOne(d.t);
    this.widths.pushOne(d.h);
    const chunk = this.store.take(VECTORS * n + MODAL * rows); // kept by the solution: recording never copies
    chunk.set(d.u, 0);
    chunk.set(d.K0, n);
    chunk.set(d.Km, 2 * n);
    chunk.set(d.K1, 3 * n);
    exponentialInterpolant(d, 1, this.tmp, this.scratch);
    // Stryker disable next-line EqualityOperator: equivalent: `<=` writes chunk[5 n], the first modal entry, which chunk.set(d.y0, modal) overwrites just below
    for (let j = 0; j < n; j++) chunk[4 * n + j] = (uNew[j] as number) - (this.tmp[j] as number);
    const modal = VECTORS * n;
    chunk.set(d.y0, modal);
    chunk.set(d.ym, modal + rows);
    chunk.set(d.y1, modal + 2 * rows);
    chunk.set(d.z0, modal + 3 * rows);
    chunk.set(d.zm, modal + 4 * rows);
    chunk.set(d.z1, modal + 5 * rows);
    this.chunks.push(chunk);
    for (const t of extraMesh) this.mesh.pushOne(t); // stepMesh's points: strictly inside the step, increasing
    this.mesh.pushOne(d.t + d.h);
  }

  /** The solution of the steps recorded so far; `tEnd` replaces the last mesh point (exact landing on t1). */
  finish(tEnd: number, yEnd: Float64Array): ExponentialDenseSolution {
    const mesh = this.mesh.toArray();
    mesh[mesh.length - 1] = tEnd;
    return new ExponentialDenseSolution({
      n: this.n,
      rows: this.rows,
      t0: this.t0,
      y0: this.y0,
      starts: this.starts.toArray(),
      widths: this.widths.toArray(),
      operatorOf: Int32Array.from(this.operatorOf),
      operators: [...this.operators],
      chunks: this.chunks,
      mesh,
      last: Float64Array.from(yEnd),
    });
  }
}
