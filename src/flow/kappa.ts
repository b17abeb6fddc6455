/** kappa = T Lip(Dh) sqrt(R0) / alpha: the dimensionless quantity of THEORY.md that every bound is stated in. */
export function kappa(T: number, lipDh: number, R0: number, alpha: number): number {
  return (T * lipDh * Math.sqrt(R0)) / alpha;
}
