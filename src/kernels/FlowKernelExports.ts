/** The part of a WebAssembly.Memory the kernels use (the project's lib has no WebAssembly types: ES2022, no DOM). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grow by `pages` 64 KiB pages (detaches the old buffer). */
  grow(pages: number): number;
}

/** The exports of flowKernels.wasm (assembly/flowKernels.ts): byte offsets into `memory`, float64 row-major data. */
export interface FlowKernelExports {
  readonly memory: WasmMemory;
  /** First byte of `memory` the caller may use. */
  heapBase(): number;
  expArray(x: number, out: number, length: number): void;
  activateArray(kind: number, z: number, out: number, length: number): void;
  quadraticFillM(n: number, p: number, Q: number, d: number, M: number): void;
  quadraticRhs(n: number, p: number, G: number, Q: number, M: number, r0: number, alpha: number, d: number, rOverAlpha: number, out: number): void;
  quadraticJacobian(n: number, p: number, G: number, Q: number, M: number, d: number, out: number): void;
  meanFieldRhs(
    kind: number,
    m: number,
    n: number,
    dim: number,
    x: number,
    xT: number,
    w0: number,
    dd: number,
    yStar: number,
    alpha: number,
    S: number,
    h: number,
    g: number,
    out: number,
  ): void;
  /** out = y + sum_j coefs_j v_j (y = 0: without y), n entries; `terms` holds the byte offsets of the v_j as float64s. */
  linearCombination(out: number, y: number, n: number, coefs: number, terms: number, count: number): void;
  /** 1 when the n float64s at v are all finite, else 0. */
  allFinite(v: number, n: number): number;
  /** Hairer's scaled RMS norm of err (src/integrators/errorNorm.ts), n entries per vector. */
  errorNorm(err: number, y: number, yNew: number, rtol: number, atol: number, n: number): number;
  /** out = B x for B rows x n row-major (rows entries; NegativeGramOperator's `project` before V^T). */
  gramProject(B: number, rows: number, n: number, x: number, out: number): void;
  /** out += B^T v for B rows x n row-major (n entries; src/linalg/dense.ts `addMatTVec`). */
  gramAddBack(B: number, rows: number, n: number, v: number, out: number): void;
  /** out = B B^T (rows x rows) for B rows x n row-major (src/linalg/dense.ts `gram`). */
  gramMatrix(B: number, rows: number, n: number, out: number): void;
  /**
   * The end of an embedded Runge-Kutta step in one pass (assembly/stepKernels.ts): err (and err3 when err3 != 0) as
   * `linearCombination`s of the terms, then at `result` the error norm's sum(s), the finiteness flags and the sums of
   * Hairer's stiffness estimate (src/integrators/VectorArena.ts `stepSums`).
   */
  stepCheck(
    n: number,
    y: number,
    yNew: number,
    atol: number,
    rtol: number,
    err: number,
    coefs: number,
    terms: number,
    count: number,
    err3: number,
    coefs3: number,
    terms3: number,
    count3: number,
    fNew: number,
    kPrev: number,
    yStage: number,
    result: number,
  ): void;
  /** One combination of the exponential stepper (src/integrators/ExponentialStepper.ts `combine`; assembly/exponentialStageKernels.ts). */
  exponentialStageCombine(
    n: number,
    rows: number,
    count: number,
    h: number,
    out: number,
    u: number,
    kTable: number,
    hNull: number,
    coefs: number,
    terms: number,
    acc: number,
    scratch: number,
    Y: number,
    W: number,
    Z: number,
    D: number,
    exp: number,
    lambda: number,
    V: number,
    B: number,
    outModal: number,
  ): void;
  /** The exponential coefficients' diagonal parts from their phi tables (src/integrators/ExponentialCoefficients.ts `plan`). */
  exponentialCoefficients(
    combos: number,
    rows: number,
    width: number,
    h: number,
    termStart: number,
    termBase: number,
    termScale: number,
    table: number,
    values: number,
  ): void;
  /** The modal coordinates of a stage: w = V^T B x, z = w + lambda y (assembly/exponentialStageKernels.ts). */
  exponentialStageProject(n: number, rows: number, B: number, V: number, lambda: number, x: number, scratch: number, y: number, w: number, z: number): void;
  /** The mean-field net's activations sigma(z_ij) at w0 + dd into S (m x n), U = w0_U + dd_U kept at U (assembly/flowKernels.ts). */
  meanFieldActivations(kind: number, m: number, n: number, dim: number, xT: number, w0: number, dd: number, U: number, S: number): void;
  /** S_ij = cA sigma_ij and C_ij = cU a_i sigma'_ij from S = sigma (assembly/meanFieldLinearKernels.ts). */
  meanFieldLinearFactors(kind: number, m: number, n: number, cA: number, cU: number, w0: number, dd: number, S: number, C: number): void;
  /** out = B y for the mean-field net's B = J(w) given by S, C and x^T (n entries). */
  meanFieldLinearProject(m: number, n: number, dim: number, S: number, C: number, xT: number, y: number, out: number): void;
  /** out += B^T v for the mean-field net's B = J(w) given by S, C and x (m (dim + 1) entries). */
  meanFieldLinearAddBack(m: number, n: number, dim: number, S: number, C: number, x: number, v: number, out: number): void;
  /** out = B B^T (n x n) for the mean-field net's B = J(w) given by S, C and G = x x^T. */
  meanFieldLinearGram(m: number, n: number, S: number, C: number, G: number, out: number): void;
}
