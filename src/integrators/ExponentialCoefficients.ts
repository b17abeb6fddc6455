import type { FloatCombination, FloatExponentialMethod } from './exponentialMethodFloat.js';
import { phiFunctions } from './phiFunctions.js';

/**
 * The diagonal (modal) parts of a method's coefficients for one step size h and one linear part: for a
 * coefficient C(hL) = sum_t w_t phi_(k_t)(gamma_t h L) and an eigenvalue lambda of B B^T,
 * (C(-h lambda) - C(0)) / lambda = sum_t w_t (-gamma_t h) phi_(k_t + 1)(-gamma_t h lambda) (from phi_k(z) =
 * 1/k! + z phi_(k+1)(z); exact in the limit lambda -> 0). Buffers are allocated once; `update` allocates nothing.
 */
export class ExponentialCoefficients {
  readonly method: FloatExponentialMethod;
  readonly rows: number;
  /** diagA[i][j], diagB[j], diagE[j], diagExp[i]: one value per eigenvalue (length rows). */
  readonly diagA: readonly (readonly Float64Array[])[];
  readonly diagB: readonly Float64Array[];
  readonly diagE: readonly Float64Array[];
  readonly diagExp: readonly Float64Array[];
  /** phi_k(-gamma_g h lambda_r) at [(g rows + r) (kMax + 2) + k]. */
  private readonly table: Float64Array;
  private readonly phis: Float64Array;
  /** Every combination with its output buffer, flattened once. */
  private readonly targets: readonly { readonly combo: FloatCombination; readonly out: Float64Array }[];

  constructor(method: FloatExponentialMethod, rows: number) {
    this.method = method;
    this.rows = rows;
    const vec = () => new Float64Array(rows);
    this.diagA = method.A.map((row) => row.map(vec));
    this.diagB = method.b.map(vec);
    this.diagE = method.e.map(vec);
    this.diagExp = method.exponentials.map(vec);
    this.table = new Float64Array(method.gammas.length * rows * (method.kMax + 2));
    this.phis = new Float64Array(method.kMax + 2);
    const targets: { combo: FloatCombination; out: Float64Array }[] = [];
    method.A.forEach((row, i) => {
      row.forEach((combo, j) => {
        targets.push({ combo, out: (this.diagA[i] as Float64Array[])[j] as Float64Array });
      });
    });
    method.b.forEach((combo, j) => {
      targets.push({ combo, out: this.diagB[j] as Float64Array });
    });
    method.e.forEach((combo, j) => {
      targets.push({ combo, out: this.diagE[j] as Float64Array });
    });
    method.exponentials.forEach((combo, i) => {
      targets.push({ combo, out: this.diagExp[i] as Float64Array });
    });
    this.targets = targets;
  }

  /**
   * phi_0..phi_(count-1)(-gamma h lambda_r) from the last `update`, into out[r count + k]; gamma must be one of the
   * method's (1 always is: the full-step exponential). count <= kMax + 2.
   */
  copyPhis(gamma: number, count: number, out: Float64Array): Float64Array {
    const { method, rows, table } = this;
    let g = 0;
    while (g < method.gammas.length && method.gammas[g] !== gamma) g++;
    if (g === method.gammas.length) g = -1;
    if (g < 0 || count > method.kMax + 2) throw new RangeError(`no phi table for gamma=${gamma}, count=${count}`);
    const width = method.kMax + 2;
    for (let r = 0; r < rows; r++) for (let k = 0; k < count; k++) out[r * count + k] = table[(g * rows + r) * width + k] as number;
    return out;
  }

  /** Fill every diagonal part for step h and the eigenvalues `lambda` (length rows). */
  update(h: number, lambda: Float64Array): void {
    const { method, rows, table, phis, targets } = this;
    const width = method.kMax + 2;
    const gammas = method.gammas;
    for (let g = 0; g < gammas.length; g++) {
      const gamma = gammas[g] as number;
      for (let r = 0; r < rows; r++) {
        phiFunctions(-gamma * h * (lambda[r] as number), method.kMax + 1, phis);
        table.set(phis, (g * rows + r) * width);
      }
    }
    for (const { combo, out } of targets) {
      out.fill(0);
      const { weights, gammaIndex, ks } = combo;
      for (let t = 0; t < weights.length; t++) {
        const g = gammaIndex[t] as number;
        const scale = (weights[t] as number) * -(gammas[g] as number) * h;
        const base = g * rows * width + (ks[t] as number) + 1;
        for (let r = 0; r < rows; r++) out[r] = (out[r] as number) + scale * (table[base + r * width] as number);
      }
    }
  }
}
