import fc from 'fast-check';
import { quadraticModel, type QuadraticModel } from '../src/models/quadratic.js';
import { structuredQuadratic } from '../src/models/structuredQuadratic.js';
import { checkIntRange, checkRange, type ScaleRange } from './_internals/ranges.js';
import { unitEntries } from './_internals/unitEntries.js';
import { logUniform } from './logUniform.js';

/** Constraints of `quadraticModelArb`. */
export interface QuadraticModelConstraints {
  /** Smallest output dimension n. Default 1. */
  readonly minN?: number;
  /** Largest output dimension n. Default 8. */
  readonly maxN?: number;
  /** Smallest parameter count p. Default 1. */
  readonly minP?: number;
  /** Largest parameter count p. Default 32. */
  readonly maxP?: number;
  /** Use the structured family Q_k = lambda_k v v^T, whose Lip(Dh) = ||lambda|| is exact. Default false (dense symmetric Q). */
  readonly structured?: boolean;
  /** When set, G is rescaled so that its certified ||G|| (= `lipH(0)`) is log-uniform in this range. Default: unscaled. */
  readonly gNorm?: ScaleRange;
  /** When set, Q is rescaled so that `lipDh(Infinity)` is log-uniform in this range. Default: unscaled. */
  readonly lipDh?: ScaleRange;
}

const NAME = 'quadraticModelArb.constraints';

/** Raw draw: sizes, unit-variance entries, and the target scales (undefined = keep the entries' own scale). */
interface Draw {
  n: number;
  p: number;
  h0: number[];
  w0: number[];
  G: number[];
  /** Structured: lambda [n] then v [p]; dense: the upper triangles of Q_k, row by row. */
  Q: number[];
  gNorm: number | undefined;
  lipDh: number | undefined;
}

/**
 * Quadratic models h(w) = h0 + G d + 1/2 Q[d, d] (docs/theory.md, "The models the generators produce"). Entries of
 * h0, w0, G and Q are i.i.d. with mean 0 and variance 1 (uniform on [-sqrt 3, sqrt 3]), shrinking towards 0.
 * With `gNorm` / `lipDh`, G / Q are rescaled to a log-uniform norm; a zero G or Q is then replaced by e_1 e_1^T
 * first so the requested scale is met. Throws NtkInputError on impossible constraints.
 */
export function quadraticModelArb(constraints: QuadraticModelConstraints = {}): fc.Arbitrary<QuadraticModel> {
  const [minN, maxN] = checkIntRange(NAME, 'minN', constraints.minN ?? 1, 'maxN', constraints.maxN ?? 8, 1, 256);
  const [minP, maxP] = checkIntRange(NAME, 'minP', constraints.minP ?? 1, 'maxP', constraints.maxP ?? 32, 1, 256);
  const structured = constraints.structured ?? false;
  const scale = (range: ScaleRange | undefined, name: string): fc.Arbitrary<number | undefined> => {
    if (range === undefined) return fc.constant(undefined);
    const { min, max } = checkRange(`${NAME}.${name}`, range, true);
    return logUniform(min, max);
  };
  const gNorm = scale(constraints.gNorm, 'gNorm');
  const lipDh = scale(constraints.lipDh, 'lipDh');
  return fc
    .tuple(fc.integer({ min: minN, max: maxN }), fc.integer({ min: minP, max: maxP }))
    .chain(([n, p]) =>
      fc.record({
        n: fc.constant(n),
        p: fc.constant(p),
        h0: unitEntries(n),
        w0: unitEntries(p),
        G: unitEntries(n * p),
        Q: unitEntries(structured ? n + p : (n * p * (p + 1)) / 2),
        gNorm,
        lipDh,
      }),
    )
    .map((draw) => (structured ? buildStructured(draw) : buildDense(draw)));
}

/** Replace an all-zero block by a unit entry at `index` (so it can be scaled to a requested norm). */
function nonZero(values: number[], index: number): number[] {
  return values.some((v) => v !== 0) ? values : values.map((_, i) => (i === index ? 1 : 0));
}

/** G as n x p rows, rescaled to certified norm `target` when set (through the model's own ||G|| bound). */
function rowsOfG(draw: Draw): number[][] {
  const flat = draw.gNorm === undefined ? draw.G : nonZero(draw.G, 0);
  const rows = Array.from({ length: draw.n }, (_, k) => flat.slice(k * draw.p, (k + 1) * draw.p));
  if (draw.gNorm === undefined) return rows;
  const zeroQ = Array.from({ length: draw.n }, () => Array.from({ length: draw.p }, () => new Array<number>(draw.p).fill(0)));
  const norm = quadraticModel({ h0: draw.h0, G: rows, Q: zeroQ, w0: draw.w0 }).lipH(0);
  const c = draw.gNorm / norm;
  return rows.map((row) => row.map((g) => g * c));
}

function buildStructured(draw: Draw): QuadraticModel {
  const { n, p } = draw;
  const rawLambda = draw.Q.slice(0, n);
  const lambda = draw.lipDh === undefined ? rawLambda : scaleTo(nonZero(rawLambda, 0), draw.lipDh);
  const rawV = nonZero(draw.Q.slice(n, n + p), 0);
  const length = Math.hypot(...rawV);
  return structuredQuadratic({ h0: draw.h0, G: rowsOfG(draw), lambda, v: rawV.map((x) => x / length), w0: draw.w0 });
}

function buildDense(draw: Draw): QuadraticModel {
  const { n, p } = draw;
  const entries = draw.lipDh === undefined ? draw.Q : nonZero(draw.Q, 0);
  let next = 0;
  const Q = Array.from({ length: n }, () => Array.from({ length: p }, () => new Array<number>(p).fill(0)));
  for (const Qk of Q) {
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        const v = entries[next++] as number;
        (Qk[i] as number[])[j] = v;
        (Qk[j] as number[])[i] = v;
      }
    }
  }
  const G = rowsOfG(draw);
  const model = quadraticModel({ h0: draw.h0, G, Q, w0: draw.w0 });
  if (draw.lipDh === undefined) return model;
  const c = draw.lipDh / model.lipDh(Infinity);
  return quadraticModel({ h0: draw.h0, G, Q: Q.map((Qk) => Qk.map((row) => row.map((q) => q * c))), w0: draw.w0 });
}

/** Rescale a non-zero vector to Euclidean norm `target`. */
function scaleTo(values: number[], target: number): number[] {
  const c = target / Math.hypot(...values);
  return values.map((v) => v * c);
}
