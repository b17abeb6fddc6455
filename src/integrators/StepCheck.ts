/**
 * What the end of an embedded Runge-Kutta step found ({@link RkWorkspace.checkStep}): the scaled error norm and the
 * checks the adaptive driver makes before it accepts or rejects the step. One object per workspace, overwritten by
 * every check (read it before the next step).
 */
export interface StepCheck {
  /** The step's scaled error norm (`errorNorm`, `errorNormDop853` for a tableau with a third-order estimate). */
  errorNorm: number;
  /** Whether the error estimate(s) and y_new are all finite. */
  finite: boolean;
  /** Whether f(t + h, y_new), the last stage of an FSAL tableau, is finite (true for other tableaus: not yet evaluated). */
  derivativeFinite: boolean;
  /**
   * Hairer's estimate of the dominant eigenvalue along the step, |k_s - k_(s-1)| / |y_new - Y_(s-1)| from the last two
   * stages (0 when y_new = Y_(s-1)); 0 when not asked for.
   */
  rho: number;
}
