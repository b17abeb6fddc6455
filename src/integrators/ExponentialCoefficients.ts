import type { FloatCombination, FloatExponentialMethod } from './exponentialMethodFloat.js';
import { phiInto } from './_internals/phiInto.js';
import type { ExponentialCoefficientsPlan, ExponentialStage } from './ExponentialStage.js';

/**
 * The diagonal (modal) parts of a method's coefficients for one step size h and one linear part: for a
 * coefficient C(hL) = sum_t w_t phi_(k_t)(gamma_t h L) and an eigenvalue lambda of B B^T,
 * (C(-h lambda) - C(0)) / lambda = sum_t w_t (-gamma_t h) phi_(k_t + 1)(-gamma_t h lambda) (from phi_k(z) =
 * 1/k! + z phi_(k+1)(z); exact in the limit lambda -> 0). Buffers are allocated once; `update` allocates nothing.
 */
export class ExponentialCoefficients {
  readonly method: FloatExponentialMethod;
  readonly rows: number;
  /** Every diagonal part, one block of length rows per combination: A's rows in order, then b, e and the exponentials. */
  readonly values: Float64Array;
  /**
   * Offset in `values` of the diagonal part of A[i][0] (A[i][j] at offsetA[i] + j rows), of b[0] (b[j] at offsetB +
   * j rows), e[0] and exponentials[i] (one value per eigenvalue, rows values each).
   */
  readonly offsetA: Int32Array;
  readonly offsetB: number;
  readonly offsetE: number;
  readonly offsetExp: Int32Array;
  /**
   * The sums that fill `values` from the phi tables, for a native twin (ExponentialStage `coefficients`): combination c
   * has the terms termStart[c] .. termStart[c + 1] - 1, term t adds termScale[t] h table[termBase[t] + r width] to
   * values[c rows + r] (termScale = w (-gamma)), in order from 0; table holds phi_k(-gamma_g h lambda_r) at
   * [(g rows + r) width + k] for k >= 1 (width = kMax + 2; the slot k = 0 is not kept). Terms with gamma = 0 are left
   * out: their scale is -0 or 0, and adding +-0 to a sum that starts at +0 changes no bit. termStart and termBase hold
   * integers. All views of the storage.
   */
  readonly plan: ExponentialCoefficientsPlan;
  /** z = -gamma_g h lambda_r at [g rows + r], whose exp is phi_0 (read by `copyPhis` alone). */
  private readonly zs: Float64Array;
  /** termScale times h, per term (the scratch of `update`). */
  private readonly hScale: Float64Array;
  /** Indices g of the gammas other than 0 (the rows of gamma = 0 are 1/k!, filled once). */
  private readonly movingGammas: Int32Array;

  /**
   * With `storage` (length {@link ExponentialCoefficients.storageLength}), the diagonal parts, the phi tables and the
   * plan are kept there (one block: an arena's, for a native twin).
   */
  constructor(method: FloatExponentialMethod, rows: number, storage: Float64Array = new Float64Array(ExponentialCoefficients.storageLength(method, rows))) {
    this.method = method;
    this.rows = rows;
    const shape = planShape(method, rows);
    if (storage.length !== shape.length) throw new RangeError(`storage: length ${storage.length}, expected ${shape.length}`);
    const { combos, terms, width } = shape;
    const parts: Float64Array[] = [];
    let at = 0;
    for (const length of [combos.length * rows, method.gammas.length * rows * width, combos.length + 1, terms, terms]) {
      parts.push(storage.subarray(at, at + length));
      at += length;
    }
    const [values, table, termStart, termBase, termScale] = parts as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    this.values = values;
    this.plan = { combos: combos.length, terms, width, values, table, termStart, termBase, termScale };
    const offsetA: number[] = [];
    let c = 0;
    for (const row of method.A) {
      offsetA.push(c * rows);
      c += row.length;
    }
    this.offsetA = Int32Array.from(offsetA);
    this.offsetB = c * rows;
    this.offsetE = (c + method.b.length) * rows;
    const exp = c + method.b.length + method.e.length;
    this.offsetExp = Int32Array.from(method.exponentials, (_, i) => (exp + i) * rows);
    const { gammas } = method;
    this.zs = new Float64Array(gammas.length * rows).fill(-0);
    const moving: number[] = [];
    gammas.forEach((gamma, g) => {
      // gamma = 0: z = -gamma h lambda = -0 (h > 0, lambda >= 0), the values `update` would compute, filled once
      if (gamma === 0) for (let r = 0; r < rows; r++) phiInto(-0, method.kMax + 1, table, (g * rows + r) * width);
      else moving.push(g);
    });
    this.movingGammas = Int32Array.from(moving);
    let t = 0;
    combos.forEach(({ weights, gammaIndex, ks }, index) => {
      termStart[index] = t;
      for (let q = 0; q < weights.length; q++) {
        const g = gammaIndex[q] as number;
        if (gammas[g] === 0) continue;
        termScale[t] = (weights[q] as number) * -(gammas[g] as number);
        termBase[t] = g * rows * width + (ks[q] as number) + 1;
        t += 1;
      }
    });
    termStart[combos.length] = t;
    this.hScale = new Float64Array(terms);
  }

  /** Length of the storage of a method's coefficients for `rows` eigenvalues (values, phi tables and plan). */
  static storageLength(method: FloatExponentialMethod, rows: number): number {
    return planShape(method, rows).length;
  }

  /**
   * phi_0..phi_(count-1)(-gamma h lambda_r) from the last `update`, into out[r count + k]; gamma must be one of the
   * method's (1 always is: the full-step exponential). count <= kMax + 2.
   */
  copyPhis(gamma: number, count: number, out: Float64Array): Float64Array {
    const { method, rows, zs } = this;
    const { table } = this.plan;
    let g = 0;
    while (g < method.gammas.length && method.gammas[g] !== gamma) g++;
    if (g === method.gammas.length) g = -1;
    if (g < 0 || count > method.kMax + 2) throw new RangeError(`no phi table for gamma=${gamma}, count=${count}`);
    const width = method.kMax + 2;
    for (let r = 0; r < rows; r++) {
      out[r * count] = Math.exp(zs[g * rows + r] as number);
      for (let k = 1; k < count; k++) out[r * count + k] = table[(g * rows + r) * width + k] as number;
    }
    return out;
  }

  /**
   * Fill every diagonal part for step h and the eigenvalues `lambda` (length rows): the phi tables here, their sums by
   * `native` when given (and able: a stage on this storage), else here.
   */
  update(h: number, lambda: Float64Array, native?: ExponentialStage): void {
    const { method, rows, zs, movingGammas, hScale } = this;
    const { table, values, termStart, termBase, termScale, width } = this.plan;
    const top = method.kMax + 1;
    const gammas = method.gammas;
    for (const g of movingGammas) {
      const gamma = gammas[g] as number;
      for (let r = 0; r < rows; r++) {
        // z = -gamma h lambda_r, finite for the finite h, lambda_r and gamma phiInto expects
        const z = -gamma * h * (lambda[r] as number);
        zs[g * rows + r] = z;
        phiInto(z, top, table, (g * rows + r) * width);
      }
    }
    if (native?.coefficients(h) === true) return;
    for (let t = 0; t < hScale.length; t++) hScale[t] = (termScale[t] as number) * h;
    // values[c rows + r] = 0 + sum_t hScale_t table[termBase_t + r width] over the terms of combination c, in order
    const combos = termStart.length - 1;
    for (let c = 0; c < combos; c++) {
      const o = c * rows;
      const start = termStart[c] as number;
      const end = termStart[c + 1] as number;
      for (let r = 0; r < rows; r++) {
        let v = 0;
        for (let t = start; t < end; t++) v += (hScale[t] as number) * (table[(termBase[t] as number) + r * width] as number);
        values[o + r] = v;
      }
    }
  }
}

/** A method's combinations in plan order, its number of plan terms (gamma != 0) and the table width. */
interface PlanShape {
  readonly combos: readonly FloatCombination[];
  readonly terms: number;
  readonly width: number;
}

const shapes = new WeakMap<FloatExponentialMethod, PlanShape>();

/** The {@link PlanShape} of a method (once per method) and the storage length for `rows` eigenvalues. */
function planShape(method: FloatExponentialMethod, rows: number): PlanShape & { readonly length: number } {
  let shape = shapes.get(method);
  if (shape === undefined) {
    const combos = [...method.A.flat(), ...method.b, ...method.e, ...method.exponentials];
    let terms = 0;
    for (const { gammaIndex } of combos) for (const g of gammaIndex) if (method.gammas[g] !== 0) terms += 1;
    shape = { combos, terms, width: method.kMax + 2 };
    shapes.set(method, shape);
  }
  const { combos, terms, width } = shape;
  return { ...shape, length: combos.length * rows + method.gammas.length * rows * width + combos.length + 1 + 2 * terms };
}
