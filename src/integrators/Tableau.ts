/**
 * An exact rational number written as a string: an integer (`'0'`, `'-3'`) or a fraction `'p/q'`
 * (`'1/6'`, `'-56/15'`), q > 0. The same text feeds float64 ({@link tableauFloat}) and decimal.js
 * ({@link orderConditions}), as OrdinaryDiffEq.jl writes its tableaus.
 */
export type Rational = string;

/**
 * Continuous extension (dense output) of a Runge-Kutta step: with theta in [0, 1],
 * `y(t + theta h) ~ y + h sum_i b_i(theta) k_i` and `b_i(theta) = sum_j P[i][j] theta^(j+1)`.
 * This is scipy's `P` matrix (`integrate/_ivp/rk.py`); Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.6.
 */
export interface DenseExtension {
  /** Order of the interpolant: the b_i(theta) satisfy the order conditions up to this order for every theta. */
  readonly order: number;
  /**
   * (stages + extra stages) x degree, one row per stage; sum_j P[i][j] = b[i] (0 for an extra stage) so that
   * theta = 1 reproduces the step.
   */
  readonly P: readonly (readonly Rational[])[];
  /**
   * Stages evaluated after an accepted step for the interpolant only (DOP853's three): extra stage r has node c[r]
   * and argument y + h sum_j A[r][j] k_j over the s main stages and the extra stages before it (row r has s + r
   * entries). Each costs one evaluation of f per accepted step when dense output is recorded.
   */
  readonly extraStages?: { readonly c: readonly Rational[]; readonly A: readonly (readonly Rational[])[] };
}

/**
 * An explicit Runge-Kutta method as data (Butcher tableau; Hairer, Norsett & Wanner, *Solving ODEs I*,
 * Sec. II.1). s stages: `k_i = f(t + c_i h, y + h sum_{j<i} A[i][j] k_j)`, `y_new = y + h sum_i b_i k_i`.
 * Build one with {@link defineTableau}, which checks the shapes and deep-freezes it.
 */
export interface Tableau {
  /** Short identifier, also the key in the `tableaus` registry. */
  readonly name: string;
  /** Classical order of `b`. */
  readonly order: number;
  /** Nodes, length s, c[0] = 0. */
  readonly c: readonly Rational[];
  /** Strictly lower triangular, stored ragged: row i has exactly i entries (A[0] is empty). */
  readonly A: readonly (readonly Rational[])[];
  /** Weights of the propagated solution, length s. */
  readonly b: readonly Rational[];
  /** Weights of the embedded solution used only for the error estimate, length s. */
  readonly bHat?: readonly Rational[];
  /** Order of `bHat` (present exactly when `bHat` is). */
  readonly embeddedOrder?: number;
  /**
   * A second, lower-order embedded solution (DOP853's 3rd-order one; needs `bHat`). The error estimate is then
   * Hairer's combination of the two differences, ||e5||^2 / sqrt(||e5||^2 + 0.01 ||e3||^2) (`integrateAdaptive`),
   * which behaves like an error of order `errorOrder`.
   */
  readonly bLow?: readonly Rational[];
  /** Order of `bLow` (present exactly when `bLow` is). */
  readonly lowOrder?: number;
  /** The order q in the step-size controller's exponent -1/(q + 1). Default `embeddedOrder`. */
  readonly errorOrder?: number;
  /**
   * Significant digits of the coefficients when they are decimal approximations of irrational numbers (DOP853's
   * are given to 30 digits, as `p/10^k` rationals): the order conditions then hold to about 10^-digits, not exactly.
   */
  readonly digits?: number;
  /**
   * First Same As Last: the last stage is evaluated at (t + h, y_new) (c[s-1] = 1, A[s-1] = b, b[s-1] = 0),
   * so it is the first stage of the next step.
   */
  readonly fsal?: boolean;
  /** Dense-output coefficients. */
  readonly dense?: DenseExtension;
  /** Where the coefficients come from. */
  readonly reference: string;
}
