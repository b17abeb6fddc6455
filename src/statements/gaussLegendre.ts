/**
 * 3-point Gauss-Legendre rule on [a, b] (exact for polynomials of degree <= 5; Abramowitz & Stegun 25.4.29):
 * int_a^b f = (b - a)/2 * sum_i w_i f((a + b)/2 + (b - a)/2 x_i), x = (-sqrt(3/5), 0, sqrt(3/5)), w = (5, 8, 5)/9.
 */
const NODES = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)] as const;
const WEIGHTS = [5 / 9, 8 / 9, 5 / 9] as const;

/**
 * Integrate f over the mesh with `panels` 3-point rules per step (composite Gauss-Legendre); f returns a vector
 * added into `acc` with its weight. More panels on the tight measurement make quadrature error part of the
 * primary-versus-tight difference that certification must beat.
 */
export function integrateOverMesh(ts: Float64Array, f: (t: number) => Float64Array | number, acc: Float64Array, panels = 1): void {
  for (let i = 1; i < ts.length; i++) {
    const t0 = ts[i - 1] as number;
    const width = ((ts[i] as number) - t0) / panels;
    for (let panel = 0; panel < panels; panel++) integratePanel(t0 + panel * width, t0 + (panel + 1) * width, f, acc);
  }
}

function integratePanel(a: number, b: number, f: (t: number) => Float64Array | number, acc: Float64Array): void {
  const half = 0.5 * (b - a);
  for (let k = 0; k < NODES.length; k++) {
    const value = f(0.5 * (a + b) + half * NODES[k]!);
    const weight = half * WEIGHTS[k]!;
    if (typeof value === 'number') acc[0] = (acc[0] as number) + weight * value;
    else for (let j = 0; j < acc.length; j++) acc[j] = (acc[j] as number) + weight * (value[j] as number);
  }
}

/** Panels per step: 1 on the primary measurement, 4 on the tight one (the run that is its own reference). */
export function quadraturePanels(run: object, reference: object): number {
  return run === reference ? 4 : 1;
}
