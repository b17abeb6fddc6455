import { type ExactRational, parseRational, rationalToNumber } from './_internals/rational.js';
import { parsePhiTerm } from './defineExponentialMethod.js';
import type { ExponentialMethod, PhiCombination } from './ExponentialMethod.js';

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
  const e = Object.freeze(
    m.b.map((terms, j) =>
      build([
        { terms, sign: 1 },
        { terms: m.bHat[j] as PhiCombination, sign: -1 },
      ]),
    ),
  );
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
