import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteNumber } from '../validate/validators.js';
import type { DenseOutput } from './DenseOutput.js';

/**
 * Dense outputs of consecutive solves joined into one: piece k covers [tMin_k, tMax_k] with tMax_k = tMin_(k+1)
 * (a solve that handed over to another method at that time). A time shared by two pieces is answered by the later
 * piece; the mesh is the union of the pieces' meshes.
 */
export class PiecewiseDense implements DenseOutput {
  readonly n: number;
  readonly tMin: number;
  readonly tMax: number;
  readonly steps: number;
  private readonly pieces: readonly DenseOutput[];

  /** Throws NtkInputError when the pieces are empty, of different dimensions, or not contiguous. */
  constructor(pieces: readonly DenseOutput[]) {
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: first (pieces[0]) and last (pieces[length - 1]) are both undefined exactly when pieces is empty
    if (first === undefined || last === undefined) throw new NtkInputError('pieces', pieces, 'at least one dense output');
    pieces.forEach((p, k) => {
      if (p.n !== first.n) throw new NtkInputError(`pieces[${k}].n`, p.n, `equal to ${first.n}`);
      const previous = pieces[k - 1];
      if (previous !== undefined && p.tMin !== previous.tMax)
        throw new NtkInputError(`pieces[${k}].tMin`, p.tMin, `equal to pieces[${k - 1}].tMax=${previous.tMax}`);
    });
    this.pieces = pieces;
    this.n = first.n;
    this.tMin = first.tMin;
    this.tMax = last.tMax;
    this.steps = pieces.reduce((s, p) => s + p.steps, 0);
  }

  get ts(): Float64Array {
    const all: number[] = [];
    for (const p of this.pieces) for (const t of p.ts) if (all.length === 0 || t > (all[all.length - 1] as number)) all.push(t);
    return Float64Array.from(all);
  }

  evaluate(t: number, out: Float64Array = new Float64Array(this.n)): Float64Array {
    finiteNumber('t', t);
    if (!(t >= this.tMin && t <= this.tMax)) throw new NtkInputError('t', t, `in [${this.tMin}, ${this.tMax}]`);
    // Stryker disable next-line EqualityOperator: equivalent for `k > 0`: the loop then ends before piece 0, and the return below asks piece 0 (the only one left that covers t)
    for (let k = this.pieces.length - 1; k >= 0; k--) {
      const p = this.pieces[k] as DenseOutput;
      if (t >= p.tMin) return p.evaluate(t, out);
    }
    return (this.pieces[0] as DenseOutput).evaluate(t, out);
  }
}
