import type { Instance } from '../src/flow/Instance.js';
import { gram, norm2 } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import { toNested } from '../src/models/_internals/jsonShapes.js';
import { quadraticModel } from '../src/models/quadratic.js';
import { converseModel, scalarModel } from '../src/models/scalar.js';
import type { SmoothModel } from '../src/models/SmoothModel.js';
import { structuredQuadratic } from '../src/models/structuredQuadratic.js';
import type { SearchPoint } from './SearchSpace.js';
import type { FlowCase } from './FlowCase.js';

/**
 * Model families of flow instances. 'structured' has Q_k = lambda_k v v^T and 'commuting' has Q_k = V diag(lambda_k) V^T
 * (dense slices with a common orthonormal eigenbasis V): for both the certified Lip(Dh) is the true constant.
 */
export type FlowFamily = 'quadratic' | 'structured' | 'commuting' | 'scalar' | 'converse';

/** The families every statement on `instanceArb` must see (coverage): all but the converse, which has one shape. */
export const COVERED_FAMILIES: readonly FlowFamily[] = ['quadratic', 'structured', 'commuting', 'scalar'];

/** The families whose model is a quadratic h0 + G d + Q[d, d] / 2 (with inert shifts h0, w0). */
export const QUADRATIC_FAMILIES: readonly FlowFamily[] = ['quadratic', 'structured', 'commuting'];

/** How r(0) = y* - alpha h(w0) points relative to J0: random, or along its top or bottom left singular vector. */
export type Direction = 'random' | 'top' | 'bottom';

/** The discrete choices of a flow instance (n = p = 1 for the scalar families). */
export interface InstanceChoice {
  readonly family: FlowFamily;
  readonly direction: Direction;
  /** Structured family: v along G's top right singular vector. */
  readonly aligned: boolean;
  readonly n: number;
  readonly p: number;
  /** 'explore': drawn by the search's start distribution (`instanceExploreArb`), whose scale box is wider. */
  readonly box?: 'explore';
}

/** The log-uniform scales of an instance, in the order they open `InstanceParams.x`. */
export const INSTANCE_SCALES = ['alpha', 'T', 'R0', 'kappa', 'tau'] as const;

/**
 * Parameters of a flow instance: the discrete choices, and `x` = [alpha, T, R0, kappa, tau, ...raw, ...dirRaw]
 * with raw (length {@link modelEntryCount}) and dirRaw (length n) in [-1, 1]. Layout and boxes:
 * `instanceParamBlocks`.
 */
export interface InstanceParams extends SearchPoint {
  readonly discrete: InstanceChoice;
  readonly x: readonly number[];
}

/** Raw model entries drawn for sizes n, p: G, h0, w0, then lambda/v or Q (the dense layout is the longest). */
export function modelEntryCount(n: number, p: number): number {
  return n * p + n + p + n + p + n * p * p;
}

/**
 * A unit vector from raw entries (e_1 if they vanish, as they do when shrunk to 0). Entries so tiny that their
 * squares are subnormal (not drawn by `instanceParamsArb`, whose entries lie on a grid of step 2^-23, but a point
 * given by hand may hold them) lose digits in the norm: the vector is then rescaled by its largest entry and
 * normalized again.
 */
export function unit(raw: readonly number[]): Float64Array {
  const v = Float64Array.from(raw);
  const len = norm2(v);
  if (len === 0 || !Number.isFinite(len)) return Float64Array.from(raw, (_, i) => (i === 0 ? 1 : 0));
  const u = v.map((x) => x / len);
  if (Math.abs(norm2(u) - 1) <= 1e-12) return u;
  const largest = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return unit(Array.from(v, (x) => x / largest));
}

/** Eigenvector of the largest (top) or smallest (bottom) eigenvalue of a symmetric m x m matrix. */
export function extremeEigenvector(S: Float64Array, m: number, which: 'top' | 'bottom'): Float64Array {
  const { vectors } = symmetricEigen(S, m);
  const k = which === 'top' ? m - 1 : 0;
  return Float64Array.from({ length: m }, (_, i) => vectors[i * m + k] as number);
}

interface Scales {
  readonly alpha: number;
  readonly T: number;
  readonly R0: number;
  readonly g: number;
  readonly lip: number;
}

/**
 * Raw entries divided by their largest magnitude, so the largest is +-1 (an all-zero block, as shrinking produces,
 * becomes e_1: the scale set from the parameters is then still met, instead of a zero G or Q).
 */
function normalized(raw: Float64Array): Float64Array {
  const largest = raw.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return largest === 0 ? raw.map((_, i) => (i === 0 ? 1 : 0)) : raw.map((x) => x / largest);
}

/** A quadratic (general, structured or commuting) model with ||G|| = g and certified Lip(Dh) = lip. */
function quadratic(family: FlowFamily, n: number, p: number, s: Scales, raw: readonly number[], aligned: boolean): SmoothModel {
  const it = raw[Symbol.iterator]();
  const next = (): number => it.next().value ?? 0;
  const G0 = normalized(Float64Array.from({ length: n * p }, next));
  const gNorm = opNorm(G0, n, p);
  const G = toNested(
    G0.map((x) => (x * s.g) / gNorm),
    n,
    p,
  );
  const h0 = Array.from({ length: n }, next);
  const w0 = Array.from({ length: p }, next);
  if (family === 'structured') {
    const lambda = unit(Array.from({ length: n }, next)).map((x) => x * s.lip);
    const v = aligned ? extremeEigenvector(gram(transpose(G0, n, p), p, n), p, 'top') : unit(Array.from({ length: p }, next));
    return structuredQuadratic({ h0, G, lambda, v, w0 });
  }
  const Q = family === 'commuting' ? commutingSlices(n, p, next) : denseSlices(n, p, next);
  const scale = s.lip / quadraticModel({ h0, G, Q, w0 }).lipDh(Infinity);
  return quadraticModel({ h0, G, Q: Q.map((Qk) => Qk.map((row) => row.map((x) => x * scale))), w0 });
}

/** n dense symmetric slices from n p (p + 1) / 2 raw entries, normalized so the largest is +-1 (certified Lip(Dh) >= its share). */
function denseSlices(n: number, p: number, next: () => number): number[][][] {
  // Q0 normalized (largest entry +-1), so its certified Lip(Dh) is >= 1 and lip / Lip(Dh) cannot overflow.
  const Q0 = normalized(Float64Array.from({ length: (n * p * (p + 1)) / 2 }, next));
  const at = Q0[Symbol.iterator]();
  return Array.from({ length: n }, () => symmetric(p, () => at.next().value ?? 0));
}

/**
 * Commuting slices Q_k = V diag(lambda_k) V^T: the spectra lambda_k (n p raw entries, normalized so the largest is
 * +-1) and a common orthonormal eigenbasis V, the eigenvectors of the symmetric matrix of the next p (p + 1) / 2 raw
 * entries (the identity when they vanish, as shrinking leaves them). Then sum_k y_k Q_k = V diag(sum_k y_k lambda_k) V^T,
 * so the true Lip(Dh) = max_|y|=1 ||sum_k y_k Q_k|| = max_i |lambda_(., i)|, and the certified p x np unfolding bound
 * sqrt(lambda_max(sum_k Q_k^2)) = sqrt(max_i sum_k lambda_(k, i)^2) is the same number (docs/lip-dh.md): dense slices
 * of full rank whose certified constant is the true one, up to the rounding of forming Q.
 */
function commutingSlices(n: number, p: number, next: () => number): number[][][] {
  const lambda = normalized(Float64Array.from({ length: n * p }, next));
  const basis = symmetric(p, next);
  const V = symmetricEigen(Float64Array.from(basis.flat()), p).vectors; // columns: an orthonormal basis of R^p
  return Array.from({ length: n }, (_, k) => {
    const Qk = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        let q = 0;
        for (let l = 0; l < p; l++) q += (V[i * p + l] as number) * (lambda[k * p + l] as number) * (V[j * p + l] as number);
        (Qk[i] as number[])[j] = q;
        (Qk[j] as number[])[i] = q; // exactly symmetric
      }
    }
    return Qk;
  });
}

/** A symmetric p x p matrix from p (p + 1) / 2 entries, row by row over the upper triangle. */
function symmetric(p: number, next: () => number): number[][] {
  const S = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const x = next();
      (S[i] as number[])[j] = x;
      (S[j] as number[])[i] = x;
    }
  return S;
}

function transpose(M: Float64Array, rows: number, cols: number): Float64Array {
  const T = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) T[j * rows + i] = M[i * cols + j] as number;
  return T;
}

/**
 * Largest |b w0| / |h'(w0)| of the scalar family. The model is h(w) = a w + b w^2 / 2 in absolute w, so
 * h'(w0) = a + b w0 with a = h'(w0) - b w0: when |b w0| >> |h'(w0)| the float slope a + fl(b w0) cancels, and
 * carries a rounding error up to eps |b w0| (relative eps |b w0| / |h'(w0)|: 1e-7 at a ratio of 1e9, which
 * kappa / tau reach). Capping the ratio at 1e3 keeps h'(w0) = +-g to relative (1e3 + 2) eps / 2 ~ 1.1e-13.
 */
const SCALAR_MAX_CANCELLATION = 1e3;

/**
 * The general scalar model: |h'(w0)| = g (so T h'(w0)^2 = tau, as for the other families' ||J0||) and |b| = lip,
 * signs from raw[0] (of h'(w0)) and raw[1] (of b); w0 = raw[2] min(1, 1e3 g / lip), so |b w0| <= 1e3 g (the raw box
 * [-1, 1] mapped onto [-1e3 g / lip, 1e3 g / lip] when lip > 1e3 g: uniform there too, and shrinking to w0 = 0).
 */
function scalar(s: Scales, raw: readonly number[]): SmoothModel {
  const sign = (x: number | undefined) => ((x ?? 0) < 0 ? -1 : 1);
  const b = sign(raw[1]) * s.lip;
  const w0 = (raw[2] ?? 0) * Math.min(1, (SCALAR_MAX_CANCELLATION * s.g) / s.lip);
  return scalarModel({ a: sign(raw[0]) * s.g - b * w0, b, w0 });
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
 * The flow case at a parameter point (pure): Lip(Dh) = kappa alpha / (T sqrt(R0)), ||J0|| = ||G|| = sqrt(tau / T);
 * the converse family is docs/theory.md's converse model with y* = sqrt(2 R0) (direction 'top'); the scalar family
 * (h(w) = a w + b w^2 / 2) has h'(w0) = a + b w0 = +-sqrt(tau / T) and b = +-Lip(Dh), the signs from raw[0],
 * raw[1], and w0 = raw[2] (times 1e3 |h'(w0)| / |b| when that is < 1, so |b w0| <= 1e3 |h'(w0)|: see `scalar`).
 * `instanceArb` is the fast-check arbitrary of these points mapped through this function.
 */
export function instanceFromParams(params: InstanceParams): FlowCase {
  const { family, n, p, aligned } = params.discrete;
  const [alpha, T, R0, kappa, tau] = params.x as [number, number, number, number, number];
  const rawEnd = INSTANCE_SCALES.length + modelEntryCount(n, p);
  const raw = params.x.slice(INSTANCE_SCALES.length, rawEnd);
  const dirRaw = params.x.slice(rawEnd, rawEnd + n);
  const lip = (kappa * alpha) / (T * Math.sqrt(R0));
  const s: Scales = { alpha, T, R0, g: Math.sqrt(tau / T), lip };
  let model: SmoothModel;
  let direction = params.discrete.direction;
  if (family === 'converse') {
    model = converseModel({ T, lip });
    direction = 'top';
  } else if (family === 'scalar') {
    model = scalar(s, raw);
  } else {
    model = quadratic(family, n, p, s, raw, aligned);
  }
  const yStar = family === 'converse' ? Float64Array.of(Math.sqrt(2 * R0)) : target(model, s, direction, dirRaw);
  const instance: Instance = { model, yStar, alpha, T };
  return { instance, family, direction };
}
