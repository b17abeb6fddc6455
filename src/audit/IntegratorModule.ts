/** Right-hand side handed to an audited integrator: `f(t, y)` returns a fresh array `dy/dt` of the length of `y`. */
export type AuditRhs = (t: number, y: readonly number[]) => number[];

/**
 * The fixed-step contract of an integrator under audit: the default export of the module given to `ntk-check
 * audit`. `solve(f, t0, y0, t1, steps)` takes `steps` equal steps from t0 to t1 of y' = f(t, y), y(t0) = y0, and
 * returns y(t1) (an array of numbers, or a Float64Array, of the length of y0). It must not keep `y0`, and should
 * treat it as read-only. `order` is the convergence order the author claims. `adaptive`, when present, is false
 * (an adaptive solver declares `adaptive: true`, see `AdaptiveIntegratorModule`).
 *
 * TypeScript users can write `export default { ... } satisfies IntegratorModule`.
 */
export interface IntegratorModule {
  readonly name: string;
  readonly order: number;
  readonly adaptive?: false;
  solve(f: AuditRhs, t0: number, y0: readonly number[], t1: number, steps: number): readonly number[] | Float64Array;
}
