/**
 * The exponential stepper's work arrays that a native stage kernel reads and writes (all borrowed from the arena in
 * one call, so none can move under another): stage j of Y, W, Z at [j rows, (j + 1) rows), D the coefficients'
 * diagonal parts (ExponentialCoefficients `values`), lambda, V and B copies of the operator's.
 */
export interface ExponentialStageLayout {
  readonly n: number;
  readonly rows: number;
  /** The stage derivatives K_j (length n). */
  readonly K: readonly Float64Array[];
  /** Length >= K.length, for the kernel to keep what it needs about K (written once, by the kernel). */
  readonly kTable: Float64Array;
  /** h times the null parts of the current combination (length >= K.length). */
  readonly hNull: Float64Array;
  readonly acc: Float64Array;
  readonly scratch: Float64Array;
  readonly Y: Float64Array;
  readonly W: Float64Array;
  readonly Z: Float64Array;
  readonly D: Float64Array;
  readonly lambda: Float64Array;
  readonly V: Float64Array;
  readonly B: Float64Array;
  /** The coefficients' plan (D is its `values`). */
  readonly plan: ExponentialCoefficientsPlan;
  /** Further views of these arrays that the caller passes to the stage (the stages' rows of Y, W and Z). */
  readonly views: readonly Float64Array[];
}

/** The sums that fill ExponentialCoefficients `values` from its phi tables (documented there), as views of one storage. */
export interface ExponentialCoefficientsPlan {
  readonly combos: number;
  readonly terms: number;
  readonly width: number;
  readonly values: Float64Array;
  readonly table: Float64Array;
  readonly termStart: Float64Array;
  readonly termBase: Float64Array;
  readonly termScale: Float64Array;
}

/**
 * A native twin of the exponential stepper's stage work on one {@link ExponentialStageLayout} (src/kernels/WasmVectors.ts:
 * WebAssembly), bitwise the stepper's TypeScript path. Each method returns false, having written nothing, when a
 * vector it is given (or the layout) no longer lies in the arena: the stepper then runs its TypeScript path.
 */
export interface ExponentialStage {
  /**
   * ExponentialStepper `combine`: out = [u] + sum_{j<count} hNull_j K_j + B^T V acc with acc and outModal from the
   * stages' modal coordinates and the diagonal parts at D[diag + j rows] (and D[exp], exp < 0: no exp(c h L) u term).
   */
  combine(out: Float64Array, u: Float64Array | undefined, count: number, h: number, diag: number, exp: number, outModal: Float64Array | undefined): boolean;
  /** The plan's sums for step h (ExponentialCoefficients `update` after its phi tables). */
  coefficients(h: number): boolean;
  /** w = V^T B x and z = w + lambda y (length rows each). */
  project(x: Float64Array, y: Float64Array, w: Float64Array, z: Float64Array): boolean;
}
