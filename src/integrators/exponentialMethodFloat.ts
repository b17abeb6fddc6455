import { type ExactRational, parseRational, rationalToNumber } from './_internals/rational.js';
import { parsePhiTerm } from './defineExponentialMethod.js';
import type { ExponentialMethod, PhiCombination } from './ExponentialMethod.js';
import type { NegativeGramOperator } from './NegativeGramOperator.js';
import { phiFunctions } from './phiFunctions.js';

const INVERSE_FACTORIAL = [1, 1, 1 / 2, 1 / 6, 1 / 24];

/** A coefficient sum_t w_t phi_(k_t)(gamma_t h L) in float64, its terms merged exactly by (k, gamma). */
export interface FloatCombination {
  /** Its value at L = 0: sum_t w_t / k_t!. */
  readonly nullValue: number;
  readonly weights: Float64Array;
  readonly ks: Int32Array;
  /** Index of gamma_t in `FloatExponentialMethod.gammas`. */
  readonly gammaIndex: Int32Array;
}

/** An {@link ExponentialMethod} in float64, for the stepper. */
export interface FloatExponentialMethod {
  readonly source: ExponentialMethod;
  readonly stages: number;
  readonly c: Float64Array;
  readonly errorOrder: number;
  readonly midStage: number;
  /** The distinct gamma of all terms, and of the stage exponentials exp(c_i h L). */
  readonly gammas: Float64Array;
  /** Largest phi index used (the diagonal parts need phi up to kMax + 1). */
  readonly kMax: number;
  readonly A: readonly (readonly FloatCombination[])[];
  readonly b: readonly FloatCombination[];
  /** b - bHat, merged exactly. */
  readonly e: readonly FloatCombination[];
  /** exp(c_i h L) for i = 0..s-1, and exp(h L) at index s. */
  readonly exponentials: readonly FloatCombination[];
}

const cache = new WeakMap<ExponentialMethod, FloatExponentialMethod>();

const key = (k: number, gamma: ExactRational) => `${k}:${gamma.num}/${gamma.den}`;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Sum of terms (sign applied to each list), merged by (k, gamma) with exact rational weights. */
function merge(parts: readonly { readonly terms: PhiCombination; readonly sign: 1 | -1 }[]): { k: number; gamma: ExactRational; w: ExactRational }[] {
  const merged = new Map<string, { k: number; gamma: ExactRational; w: ExactRational }>();
  for (const { terms, sign } of parts) {
    for (const text of terms) {
      const t = parsePhiTerm(text);
      if (t === undefined) throw new RangeError(`not a phi term: ${text}`);
      const w = parseRational(t.weight) as ExactRational;
      const gamma = parseRational(t.gamma) as ExactRational;
      const id = key(t.k, gamma);
      const prev = merged.get(id);
      const num = prev === undefined ? BigInt(sign) * w.num : prev.w.num * w.den + BigInt(sign) * w.num * prev.w.den;
      const den = prev === undefined ? w.den : prev.w.den * w.den;
      const g = gcd(num, den) || 1n;
      merged.set(id, { k: t.k, gamma, w: { num: num / g, den: den / g } });
    }
  }
  return [...merged.values()].filter((t) => t.w.num !== 0n);
}

/**
 * Convert an exponential method to float64 (cached per method object). Weights are merged exactly before
 * rounding, so b - bHat is the rounded exact difference (as `tableauFloat` does for explicit pairs).
 */
export function exponentialMethodFloat(m: ExponentialMethod): FloatExponentialMethod {
  const cached = cache.get(m);
  if (cached !== undefined) return cached;
  const gammaKeys: string[] = [];
  const gammas: number[] = [];
  let kMax = 0;
  const gammaIndexOf = (g: ExactRational): number => {
    const id = `${g.num}/${g.den}`;
    let i = gammaKeys.indexOf(id);
    if (i < 0) {
      i = gammaKeys.length;
      gammaKeys.push(id);
      gammas.push(rationalToNumber(g));
    }
    return i;
  };
  const build = (parts: readonly { readonly terms: PhiCombination; readonly sign: 1 | -1 }[]): FloatCombination => {
    const terms = merge(parts);
    for (const t of terms) kMax = Math.max(kMax, t.k);
    return Object.freeze({
      nullValue: terms.reduce((s, t) => s + rationalToNumber(t.w) * (INVERSE_FACTORIAL[t.k] as number), 0),
      weights: Float64Array.from(terms, (t) => rationalToNumber(t.w)),
      ks: Int32Array.from(terms, (t) => t.k),
      gammaIndex: Int32Array.from(terms, (t) => gammaIndexOf(t.gamma)),
    });
  };
  const A = Object.freeze(m.A.map((row) => Object.freeze(row.map((terms) => build([{ terms, sign: 1 }])))));
  const b = Object.freeze(m.b.map((terms) => build([{ terms, sign: 1 }])));
  const e = Object.freeze(m.b.map((terms, j) => build([{ terms, sign: 1 }, { terms: m.bHat[j] as PhiCombination, sign: -1 }])));
  const exponentials = Object.freeze([...m.c, '1'].map((c) => build([{ terms: [`1 phi0(${c})`], sign: 1 }])));
  const out: FloatExponentialMethod = Object.freeze({
    source: m,
    stages: m.c.length,
    c: Float64Array.from(m.c, (x) => rationalToNumber(x)),
    errorOrder: m.embeddedOrder,
    midStage: m.midStage,
    gammas: Float64Array.from(gammas),
    kMax,
    A,
    b,
    e,
    exponentials,
  });
  cache.set(m, out);
  return out;
}


/** Null parts (values at L = 0) of a list of combinations, as a Float64Array. */
export const nullValues = (combos: readonly FloatCombination[]): Float64Array => Float64Array.from(combos, (c) => c.nullValue);

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
    method.A.forEach((row, i) => row.forEach((combo, j) => targets.push({ combo, out: (this.diagA[i] as Float64Array[])[j] as Float64Array })));
    method.b.forEach((combo, j) => targets.push({ combo, out: this.diagB[j] as Float64Array }));
    method.e.forEach((combo, j) => targets.push({ combo, out: this.diagE[j] as Float64Array }));
    method.exponentials.forEach((combo, i) => targets.push({ combo, out: this.diagExp[i] as Float64Array }));
    this.targets = targets;
  }

  /**
   * phi_0..phi_(count-1)(-gamma h lambda_r) from the last `update`, into out[r count + k]; gamma must be one of the
   * method's (1 always is: the full-step exponential). count <= kMax + 2.
   */
  copyPhis(gamma: number, count: number, out: Float64Array): Float64Array {
    const { method, rows, table } = this;
    const g = method.gammas.indexOf(gamma);
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
    for (let x = 0; x < targets.length; x++) {
      const { combo, out } = targets[x] as { combo: FloatCombination; out: Float64Array };
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
