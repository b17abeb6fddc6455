import fc from 'fast-check';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import type { Instance } from '../src/flow/Instance.js';
import { gram, norm2 } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import { toNested } from '../src/models/_internals/jsonShapes.js';
import { quadraticModel } from '../src/models/quadratic.js';
import { converseModel, scalarModel } from '../src/models/scalar.js';
import type { SmoothModel } from '../src/models/SmoothModel.js';
import { structuredQuadratic } from '../src/models/structuredQuadratic.js';
import type { FlowCase } from '../src/statements/FlowCase.js';
import { logUniform } from './logUniform.js';

/** Model families of flow instances. 'structured' has Q_k = lambda_k v v^T, whose Lip(Dh) is exact. */
export type FlowFamily = 'quadratic' | 'structured' | 'scalar' | 'converse';

/** How r(0) = y* - alpha h(w0) points relative to J0: random, or along its top or bottom left singular vector. */
export type Direction = 'random' | 'top' | 'bottom';

/** Constraints of {@link instanceArb}; every range is [min, max], sampled log-uniformly. */
export interface InstanceConstraints {
  /** Families to draw from. Default all four. */
  readonly families?: readonly FlowFamily[];
  /** Largest output dimension n. Default 8. */
  readonly maxN?: number;
  /** Largest parameter dimension p. Default 32. */
  readonly maxP?: number;
  /** alpha range. Default [1e-2, 1e4]. */
  readonly alpha?: readonly [number, number];
  /** T range. Default [1e-3, 1e4]. */
  readonly T?: readonly [number, number];
  /** R0 range. Default [1e-6, 1e4]. */
  readonly R0?: readonly [number, number];
  /**
   * kappa = T Lip(Dh) sqrt(R0) / alpha range; Lip(Dh) is set from it. Default [1e-3, 30]: both regimes, and a
   * bounded solve cost (the kernel can grow like kappa^2 along the flow).
   */
  readonly kappa?: readonly [number, number];
  /** tau = T ||J0||^2 range (dimensionless horizon: the linear flow relaxes for tau >> 1). Default [1e-3, 1e2]. */
  readonly tau?: readonly [number, number];
}

const unitBox = (length: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: length, maxLength: length });

/** A unit vector from raw entries (e_1 if they vanish). */
function unit(raw: readonly number[]): Float64Array {
  const v = Float64Array.from(raw);
  const len = norm2(v);
  if (len === 0 || !Number.isFinite(len)) return Float64Array.from(raw, (_, i) => (i === 0 ? 1 : 0));
  return v.map((x) => x / len);
}

/** Eigenvector of the largest (top) or smallest (bottom) eigenvalue of a symmetric m x m matrix. */
function extremeEigenvector(S: Float64Array, m: number, which: 'top' | 'bottom'): Float64Array {
  const { vectors } = symmetricEigen(S, m);
  const k = which === 'top' ? m - 1 : 0;
  return Float64Array.from({ length: m }, (_, i) => vectors[i * m + k] as number);
}

interface Scales { readonly alpha: number; readonly T: number; readonly R0: number; readonly g: number; readonly lip: number }

/** A quadratic (general or structured) model with ||G|| = g and certified Lip(Dh) = lip. */
function quadratic(family: 'quadratic' | 'structured', n: number, p: number, s: Scales, raw: readonly number[], aligned: boolean): SmoothModel {
  const it = raw[Symbol.iterator]();
  const next = (): number => it.next().value ?? 0;
  const G0 = Float64Array.from({ length: n * p }, next);
  const gNorm = opNorm(G0, n, p) || 1;
  const G = toNested(G0.map((x) => (x * s.g) / gNorm), n, p);
  const h0 = Array.from({ length: n }, next);
  const w0 = Array.from({ length: p }, next);
  if (family === 'structured') {
    const lambda = unit(Array.from({ length: n }, next)).map((x) => x * s.lip);
    const v = aligned ? extremeEigenvector(gram(transpose(G0, n, p), p, n), p, 'top') : unit(Array.from({ length: p }, next));
    return structuredQuadratic({ h0, G, lambda, v, w0 });
  }
  const Q0 = Array.from({ length: n }, () => symmetric(p, next));
  const unitModel = quadraticModel({ h0, G, Q: Q0, w0 });
  const scale = s.lip / (unitModel.lipDh(Infinity) || 1);
  return quadraticModel({ h0, G, Q: Q0.map((Qk) => Qk.map((row) => row.map((x) => x * scale))), w0 });
}

function symmetric(p: number, next: () => number): number[][] {
  const S = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) { const x = next(); (S[i] as number[])[j] = x; (S[j] as number[])[i] = x; }
  return S;
}

function transpose(M: Float64Array, rows: number, cols: number): Float64Array {
  const T = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) T[j * rows + i] = M[i * cols + j] as number;
  return T;
}

/** y* = alpha h(w0) + sqrt(2 R0) u, with u chosen by `direction`. */
function target(model: SmoothModel, s: Scales, direction: Direction, raw: readonly number[]): Float64Array {
  const { n, p, w0 } = model;
  const u = direction === 'random' ? unit(raw.slice(0, n)) : extremeEigenvector(gram(model.jacobian(w0), n, p), n, direction);
  const h = model.value(w0);
  const r0 = Math.sqrt(2 * s.R0);
  return h.map((x, i) => s.alpha * x + r0 * (u[i] as number));
}

/**
 * Flow instances over wide log-uniform scales (alpha, T, R0) with the dimensionless kappa and tau drawn
 * independently, so both kappa << 1 and kappa >> 1 are well covered at a bounded solve cost; r(0) random or
 * aligned with J0's extreme singular directions; structured models optionally aligned with G's top direction.
 */
export function instanceArb(constraints: InstanceConstraints = {}): fc.Arbitrary<FlowCase> {
  const families = constraints.families ?? ['quadratic', 'structured', 'scalar', 'converse'];
  if (families.length === 0) throw new NtkInputError('instanceArb.families', families, 'a non-empty list');
  const maxN = constraints.maxN ?? 8;
  const maxP = constraints.maxP ?? 32;
  const range = (r: readonly [number, number] | undefined, d: readonly [number, number]) => logUniform((r ?? d)[0], (r ?? d)[1]);
  return fc
    .record({
      family: fc.constantFrom(...families),
      direction: fc.constantFrom<Direction>('random', 'top', 'bottom'),
      aligned: fc.boolean(),
      n: fc.integer({ min: 1, max: maxN }),
      p: fc.integer({ min: 1, max: maxP }),
      alpha: range(constraints.alpha, [1e-2, 1e4]),
      T: range(constraints.T, [1e-3, 1e4]),
      R0: range(constraints.R0, [1e-6, 1e4]),
      kappa: range(constraints.kappa, [1e-3, 30]),
      tau: range(constraints.tau, [1e-3, 1e2]),
    })
    .chain((d) => {
      const scalarLike = d.family === 'scalar' || d.family === 'converse';
      const [n, p] = scalarLike ? [1, 1] : [d.n, d.p];
      const size = n * p + n + p + n + p + n * p * p;
      return fc.tuple(fc.constant({ ...d, n, p }), unitBox(size), unitBox(n));
    })
    .map(([d, raw, dirRaw]): FlowCase => {
      const lip = (d.kappa * d.alpha) / (d.T * Math.sqrt(d.R0));
      const s: Scales = { alpha: d.alpha, T: d.T, R0: d.R0, g: Math.sqrt(d.tau / d.T), lip };
      let model: SmoothModel;
      let direction: Direction = d.direction;
      if (d.family === 'converse') {
        model = converseModel({ T: d.T, lip });
        direction = 'top';
      } else if (d.family === 'scalar') {
        const sign = (x: number | undefined) => ((x ?? 0) < 0 ? -1 : 1);
        model = scalarModel({ a: sign(raw[0]) * s.g, b: sign(raw[1]) * lip, w0: raw[2] ?? 0 });
      } else {
        model = quadratic(d.family, d.n, d.p, s, raw, d.aligned);
      }
      const yStar = d.family === 'converse' ? Float64Array.of(Math.sqrt(2 * d.R0)) : target(model, s, direction, dirRaw);
      const instance: Instance = { model, yStar, alpha: d.alpha, T: d.T };
      return { instance, family: d.family, direction };
    });
}
