import { rationalToNumber, subtractRational } from './_internals/rational.js';
import type { Rational, Tableau } from './Tableau.js';

/** A {@link Tableau} converted to float64 for the stepper (each coefficient the double nearest the rational). */
export interface FloatTableau {
  readonly source: Tableau;
  /** Number of stages s. */
  readonly stages: number;
  /** Nodes, length s. */
  readonly c: Float64Array;
  /** Row i has length i (strictly lower triangular, ragged). */
  readonly A: readonly Float64Array[];
  /** Weights, length s. */
  readonly b: Float64Array;
  /** Error weights b - bHat (subtracted exactly before rounding), length s; undefined without an embedded pair. */
  readonly e: Float64Array | undefined;
  /** Low-order error weights b - bLow (DOP853's e3); undefined without `bLow`. */
  readonly e3: Float64Array | undefined;
  /** Order of the error estimate (`errorOrder`, else `embeddedOrder`); undefined without an embedded pair. */
  readonly errorOrder: number | undefined;
  readonly fsal: boolean;
  /** Dense coefficients, (s + extra stages) rows x `denseDegree`; undefined without a dense extension. */
  readonly P: readonly Float64Array[] | undefined;
  readonly denseDegree: number;
  /** Extra stages of the dense output (nodes, and rows of s + r coefficients); empty without. */
  readonly extraC: Float64Array;
  readonly extraA: readonly Float64Array[];
}

const cache = new WeakMap<Tableau, FloatTableau>();

const toFloats = (xs: readonly Rational[]): Float64Array => Float64Array.from(xs, (x) => rationalToNumber(x));

function convert(t: Tableau): FloatTableau {
  const { bHat, bLow, dense } = t;
  const difference = (low: readonly Rational[]): Float64Array => Float64Array.from(t.b, (bi, i) => rationalToNumber(subtractRational(bi, low[i] as Rational)));
  return Object.freeze({
    source: t,
    stages: t.c.length,
    c: toFloats(t.c),
    A: Object.freeze(t.A.map(toFloats)),
    b: toFloats(t.b),
    e: bHat === undefined ? undefined : difference(bHat),
    e3: bLow === undefined ? undefined : difference(bLow),
    errorOrder: bHat === undefined ? undefined : (t.errorOrder ?? t.embeddedOrder),
    fsal: t.fsal === true,
    P: dense === undefined ? undefined : Object.freeze(dense.P.map(toFloats)),
    denseDegree: dense?.P[0]?.length ?? 0,
    extraC: toFloats(dense?.extraStages?.c ?? []),
    extraA: Object.freeze((dense?.extraStages?.A ?? []).map(toFloats)),
  });
}

/**
 * The float64 form of a tableau, converted once and cached per tableau object (the Float64Arrays are shared:
 * read them, never write them). Use tableaus made by `defineTableau`, which are validated and frozen.
 */
export function tableauFloat(t: Tableau): FloatTableau {
  let f = cache.get(t);
  if (f === undefined) {
    f = convert(t);
    cache.set(t, f);
  }
  return f;
}
