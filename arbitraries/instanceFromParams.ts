import type { Instance } from '../src/flow/Instance.js';
import { gram, norm2 } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import { toNested } from '../src/models/_internals/jsonShapes.js';
import { quadraticModel } from '../src/models/quadratic.js';
import { converseModel, scalarModel } from '../src/models/scalar.js';
import type { SmoothModel } from '../src/models/SmoothModel.js';
import { structuredQuadratic } from '../src/models/structuredQuadratic.js';
import type { SearchPoint } from '../src/search/SearchSpace.js';
import type { FlowCase } from '../src/statements/FlowCase.js';

/** Model families of flow instances. 'structured' has Q_k = lambda_k v v^T, whose Lip(Dh) is exact. */
export type FlowFamily = 'quadratic' | 'structured' | 'scalar' | 'converse';

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
 * A unit vector from raw entries (e_1 if they vanish). Entries so tiny that their squares are subnormal (fc.double
 * draws such) lose digits in the norm: the vector is then rescaled by its largest entry and normalized again.
 */
function unit(raw: readonly number[]): Float64Array {
  const v = Float64Array.from(raw);
  const len = norm2(v);
  if (len === 0 || !Number.isFinite(len)) return Float64Array.from(raw, (_, i) => (i === 0 ? 1 : 0));
  const u = v.map((x) => x / len);
  if (Math.abs(norm2(u) - 1) <= 1e-12) return u;
  const largest = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return unit(Array.from(v, (x) => x / largest));
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
 * The flow case at a parameter point (pure): Lip(Dh) = kappa alpha / (T sqrt(R0)), ||G|| = sqrt(tau / T); the
 * converse family is THEORY.md's converse model with y* = sqrt(2 R0) (direction 'top'); the scalar family takes
 * the signs of a, b from raw[0], raw[1] and w0 = raw[2]. `instanceArb` is the fast-check arbitrary of these
 * points mapped through this function.
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
    const sign = (x: number | undefined) => ((x ?? 0) < 0 ? -1 : 1);
    model = scalarModel({ a: sign(raw[0]) * s.g, b: sign(raw[1]) * lip, w0: raw[2] ?? 0 });
  } else {
    model = quadratic(family, n, p, s, raw, aligned);
  }
  const yStar = family === 'converse' ? Float64Array.of(Math.sqrt(2 * R0)) : target(model, s, direction, dirRaw);
  const instance: Instance = { model, yStar, alpha, T };
  return { instance, family, direction };
}
