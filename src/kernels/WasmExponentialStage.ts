import type { ExponentialStage, ExponentialStageLayout } from '../integrators/ExponentialStage.js';
import type { WasmHeap } from './WasmHeap.js';

/**
 * {@link ExponentialStage} in the flow kernels' WebAssembly heap (assembly/exponentialStageKernels.ts): the byte
 * offsets of a layout taken once, one call per combination or projection. Created by `WasmVectors.exponentialStage`
 * for a layout that lies in its heap (which has written the stages' offsets into `kTable`).
 */
export class WasmExponentialStage implements ExponentialStage {
  private readonly heap: WasmHeap;
  /** Y of the layout: while it lies in the memory, the whole layout does (it was borrowed in one call). */
  private readonly probe: Float64Array;
  private readonly n: number;
  private readonly rows: number;
  private readonly at: {
    readonly kTable: number;
    readonly hNull: number;
    readonly coefs: number;
    readonly terms: number;
    readonly acc: number;
    readonly scratch: number;
    readonly Y: number;
    readonly W: number;
    readonly Z: number;
    readonly D: number;
    readonly lambda: number;
    readonly V: number;
    readonly B: number;
    readonly values: number;
    readonly table: number;
    readonly termStart: number;
    readonly termBase: number;
    readonly termScale: number;
  };
  private readonly combos: number;
  private readonly width: number;

  constructor(heap: WasmHeap, layout: ExponentialStageLayout, coefs: number, terms: number) {
    this.heap = heap;
    this.probe = layout.Y;
    this.n = layout.n;
    this.rows = layout.rows;
    const { kTable, hNull, acc, scratch, Y, W, Z, D, lambda, V, B } = layout;
    this.at = {
      kTable: kTable.byteOffset,
      hNull: hNull.byteOffset,
      coefs,
      terms,
      acc: acc.byteOffset,
      scratch: scratch.byteOffset,
      Y: Y.byteOffset,
      W: W.byteOffset,
      Z: Z.byteOffset,
      D: D.byteOffset,
      lambda: lambda.byteOffset,
      V: V.byteOffset,
      B: B.byteOffset,
      values: layout.plan.values.byteOffset,
      table: layout.plan.table.byteOffset,
      termStart: layout.plan.termStart.byteOffset,
      termBase: layout.plan.termBase.byteOffset,
      termScale: layout.plan.termScale.byteOffset,
    };
    this.combos = layout.plan.combos;
    this.width = layout.plan.width;
  }

  /** Whether the layout and the given vectors lie in the memory (views of an older buffer are detached). */
  private inMemory(a: Float64Array, b: Float64Array | undefined, c: Float64Array | undefined, d: Float64Array | undefined): boolean {
    const { heap } = this;
    return (
      heap.holds(this.probe) && heap.holds(a) && (b === undefined || heap.holds(b)) && (c === undefined || heap.holds(c)) && (d === undefined || heap.holds(d))
    );
  }

  combine(out: Float64Array, u: Float64Array | undefined, count: number, h: number, diag: number, exp: number, outModal: Float64Array | undefined): boolean {
    if (!this.inMemory(out, u, outModal, undefined)) return false;
    const { at, n, rows } = this;
    this.heap.exports.exponentialStageCombine(
      n,
      rows,
      count,
      h,
      out.byteOffset,
      u === undefined ? 0 : u.byteOffset,
      at.kTable,
      at.hNull,
      at.coefs,
      at.terms,
      at.acc,
      at.scratch,
      at.Y,
      at.W,
      at.Z,
      at.D + 8 * diag,
      exp < 0 ? 0 : at.D + 8 * exp,
      at.lambda,
      at.V,
      at.B,
      outModal === undefined ? 0 : outModal.byteOffset,
    );
    return true;
  }

  coefficients(h: number): boolean {
    if (!this.heap.holds(this.probe)) return false;
    const { at } = this;
    this.heap.exports.exponentialCoefficients(this.combos, this.rows, this.width, h, at.termStart, at.termBase, at.termScale, at.table, at.values);
    return true;
  }

  project(x: Float64Array, y: Float64Array, w: Float64Array, z: Float64Array): boolean {
    if (!this.inMemory(x, y, w, z)) return false;
    const { at } = this;
    this.heap.exports.exponentialStageProject(this.n, this.rows, at.B, at.V, at.lambda, x.byteOffset, at.scratch, y.byteOffset, w.byteOffset, z.byteOffset);
    return true;
  }
}
