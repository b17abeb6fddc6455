import type { Rhs } from '../integrators/Rhs.js';
import type { VectorArena } from '../integrators/VectorArena.js';
import { DEFAULT_BACKEND, type KernelBackend } from '../kernels/kernelBackend.js';
import { createMeanFieldFlowCore } from '../kernels/createMeanFieldFlowCore.js';
import type { MeanFieldFlowCore } from '../kernels/MeanFieldFlowCore.js';
import { createQuadraticFlowCore } from '../kernels/createQuadraticFlowCore.js';
import type { QuadraticFlowCore } from '../kernels/QuadraticFlowCore.js';
import { WASM_ARENA_MIN_LENGTH, wasmArena } from '../kernels/wasmArena.js';
import { wasmGramKernels } from '../kernels/wasmGramKernels.js';
import type { GramKernels } from '../integrators/GramKernels.js';
import type { GramProducts } from '../integrators/GramProducts.js';
import { MeanFieldModel } from '../models/meanField.js';
import { QuadraticModel } from '../models/quadratic.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import type { Instance } from './Instance.js';
import { residual } from './residual.js';
import { scaleInto, sumInto } from '../linalg/elementwise.js';

/**
 * Gradient flow (1) in the displacement d = w - w0: f(d) = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)), and the
 * Jacobian J(w0 + d) for the exponential path's linear part. Buffers are owned by the kernel: one kernel per
 * solve (not re-entrant); the model's core underneath is shared, each call self-contained.
 */
export interface FlowKernel {
  readonly n: number;
  readonly p: number;
  /** Where the right-hand side runs: 'wasm' (WebAssembly SIMD) or 'js' (TypeScript, also the generic kernel's). */
  readonly backend: KernelBackend;
  /** Which kernel evaluates the flow: one pass over the model for the fused families, value then vjp for 'generic'. */
  readonly fusion: 'quadratic' | 'mean-field' | 'generic';
  /** The right-hand side, in the integrators' `Rhs` form (t is not used: the flow is autonomous). */
  readonly rhs: Rhs;
  /** J(w0 + d), n x p row-major, into `out` (a fresh array when omitted). */
  jacobian(d: Float64Array, out?: Float64Array): Float64Array;
  /**
   * The exponential path's linear part B = J(w0 + d) by its products, without the n x p matrix (mean-field nets:
   * from the activations); undefined where the path takes `jacobian`.
   */
  readonly linearPart?: (d: Float64Array) => GramProducts;
  /** The memory the right-hand side runs in, for the integrator's work vectors (wasm kernels only). */
  readonly arena?: VectorArena;
  /** Where the exponential path's products with J(w) run (wasm kernels only, as `arena`). */
  readonly gram?: GramKernels;
}

/**
 * Any model: w = w0 + d, r = y* - alpha h(w) by `model.value`, then `model.vjp` (J^T r without forming J).
 * Two passes over the model per evaluation (value and vjp); see `quadraticKernel` for a fused one.
 */
function genericKernel(instance: Instance): FlowKernel {
  const { model, alpha } = instance;
  const { n, p, w0 } = model;
  const w = new Float64Array(p);
  const r = new Float64Array(n);
  const invAlpha = 1 / alpha;
  const at = (d: Float64Array): Float64Array => sumInto(w, w0, d, p);
  return {
    n,
    p,
    backend: 'js',
    fusion: 'generic',
    rhs: (_t, d, out) => {
      residual(instance, at(d), r);
      model.vjp(w, r, out);
      scaleInto(out, invAlpha, p);
    },
    jacobian: (d, out = new Float64Array(n * p)) => model.jacobian(at(d), out),
  };
}

/**
 * The arena and the Gram kernels of a fused kernel on `backend` in dimension p (the WebAssembly heap for 'wasm', from
 * WASM_ARENA_MIN_LENGTH on).
 */
const arenaOf = (backend: KernelBackend, p: number): { arena?: VectorArena; gram?: GramKernels } =>
  backend === 'wasm' && p >= WASM_ARENA_MIN_LENGTH && wasmArena !== undefined && wasmGramKernels !== undefined
    ? { arena: wasmArena, gram: wasmGramKernels }
    : {};

/** One core per (model, backend), shared by every kernel of that model: the JIT sees one kernel object per model. */
const cores: Record<KernelBackend, WeakMap<SmoothModel, QuadraticFlowCore | MeanFieldFlowCore>> = { wasm: new WeakMap(), js: new WeakMap() };

function cachedCore<C extends QuadraticFlowCore | MeanFieldFlowCore>(model: SmoothModel, backend: KernelBackend, make: () => C): C {
  const cached = cores[backend].get(model);
  if (cached !== undefined) return cached as C;
  const core = make();
  cores[backend].set(model, core);
  return core;
}

/**
 * Quadratic model h = h0 + G d + 1/2 Q[d, d] (src/models/quadratic.ts, read through its public fields G, Q, h0):
 * one pass over Q per evaluation, in the model's {@link QuadraticFlowCore} (src/kernels: WebAssembly SIMD or its
 * TypeScript twin). M = Q[d, .] (row k = Q_k d, n x p) costs n p^2, shared by the value h_k = h0_k + (G_k + M_k / 2) . d
 * and by J^T r = (G + M)^T r; the displacement d is used as is (no w - w0 round trip).
 */
function quadraticKernel(instance: Instance, model: QuadraticModel, backend: KernelBackend): FlowKernel {
  const { alpha, yStar } = instance;
  const { n, p, G, Q, h0 } = model;
  const core = cachedCore(model, backend, () => createQuadraticFlowCore(n, p, G, Q, backend));
  const r0 = Float64Array.from(yStar, (y, k) => y - alpha * (h0[k] as number));
  return {
    n,
    p,
    backend: core.backend,
    ...arenaOf(core.backend, p),
    fusion: 'quadratic',
    rhs: (_t, d, out) => core.rhs(r0, alpha, d, out),
    jacobian: (d, out = new Float64Array(n * p)) => {
      core.jacobian(d, out);
      return out;
    },
  };
}

/**
 * Mean-field net (src/models/meanField.ts, read through its public fields m, d, n, x, activation and its parameter
 * layout w = (a, U)) in the model's {@link MeanFieldFlowCore}: one activation pass per evaluation (the values kept,
 * the slopes recomputed from them), the activation through the kernels' vectorizable exponential (within
 * KERNEL_ACTIVATION_MAX_ABS_ERROR of the exact activation). The value sums mirrored neurons i, i + m/2 in the model's order,
 * so h(w0) = 0 exactly as there. The exponential path's linear part is the core's `linearPart` (B = J(w) from the
 * activations: its products in O(m n (d + 1)), no n x p matrix); `jacobian` is the model's.
 */
function meanFieldKernel(instance: Instance, model: MeanFieldModel, backend: KernelBackend): FlowKernel {
  const { alpha, yStar } = instance;
  const { m, n, d, p, x, w0, activation } = model;
  const core = cachedCore(model, backend, () => createMeanFieldFlowCore({ activation: activation.name, m, n, dim: d, x, w0 }, backend));
  const w = new Float64Array(p);
  return {
    n,
    p,
    backend: core.backend,
    ...arenaOf(core.backend, p),
    fusion: 'mean-field',
    rhs: (_t, dd, out) => core.rhs(yStar, alpha, dd, out),
    jacobian: (dd, out = new Float64Array(n * p)) => (model as SmoothModel).jacobian(sumInto(w, w0, dd, p), out),
    linearPart: (dd) => core.linearPart(dd),
  };
}

/**
 * The fastest available kernel of gradient flow for `instance`: fused for quadratic models and mean-field nets (one
 * pass over the model per evaluation, on `backend`: by default WebAssembly SIMD where available, see
 * src/kernels/kernelBackend.ts), generic (`model.value` then `model.vjp`, TypeScript) otherwise. The fused kernels read
 * the models' public fields; a model method computing (1/alpha) J^T (y* - alpha h) in one pass would replace them.
 */
export function flowKernel(instance: Instance, backend: KernelBackend = DEFAULT_BACKEND): FlowKernel {
  const { model } = instance;
  if (model instanceof QuadraticModel) return quadraticKernel(instance, model, backend);
  if (model instanceof MeanFieldModel) return meanFieldKernel(instance, model, backend);
  return genericKernel(instance);
}
