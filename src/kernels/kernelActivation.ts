import { clampActivationArgument, ln2Multiple, pow2, reducedArgument, remezR } from './kernelExp.js';

/** The activations the mean-field kernels compute (the model's `ActivationName`s), and their code in the WebAssembly kernels. */
export type KernelActivation = 'sigmoid' | 'tanh';

/** The activation's code in assembly/flowKernels.ts (`kind`). */
export const ACTIVATION_CODE: Readonly<Record<KernelActivation, number>> = Object.freeze({ sigmoid: 0, tanh: 1 });

/**
 * sigma(z) as both kernel backends compute it, with one division, from e^x = P / D, P = 2^k (A + r), D = A - r
 * (src/kernels/kernelExp.ts, {@link remezR}): the sigmoid 1 / (1 + e^-z) = D / (D + P) at x = -z (clamped by
 * {@link clampActivationArgument}); tanh sign(z) (e^(2|z|) - 1) / (e^(2|z|) + 1) = sign(z) (P - D) / (P + D) at
 * x = min(2|z|, 40) (from 2|z| = 40 on, P - D and P + D both round to P, so the value is exactly 1, as tanh's is in
 * float64). Against the exact activation the absolute error is at most {@link KERNEL_ACTIVATION_MAX_ABS_ERROR}
 * (derived in docs/performance.md; tested against decimal.js). tanh's value is not relatively accurate near 0 (its
 * absolute error there is that of (A + r) - (A - r) with A ~ 2), which the kernels accept: s enters sums of a_i s_i
 * whose rounding is of the same size.
 */
export function kernelActivation(kind: KernelActivation, z: number): number {
  const x = kind === 'sigmoid' ? clampActivationArgument(-z) : Math.min(TANH_X_MAX, 2 * Math.abs(z));
  const kf = ln2Multiple(x);
  const r = reducedArgument(x, kf);
  const a = remezR(r);
  const p = (a + r) * pow2(kf);
  const d = a - r;
  if (kind === 'sigmoid') return d / (d + p);
  const t = (p - d) / (p + d);
  return z < 0 ? -t : t;
}

/** The clamp of tanh's 2|z| (`TANH_X_MAX` in assembly/flowKernels.ts): P = 2^58 (A + r) there, so P +- D = P. */
const TANH_X_MAX = 40;

/** sigma'(z) from s = sigma(z): s (1 - s) for the sigmoid, 1 - s^2 for tanh (as the model's `slopeFromValue`). */
export function kernelSlope(kind: KernelActivation, s: number): number {
  return kind === 'sigmoid' ? s * (1 - s) : 1 - s * s;
}

/**
 * Bound on |kernelActivation(kind, z) - sigma(z)| for both activations and every float64 z, sigma the exact
 * (real) activation: first-order rounding bounds of 2.01 u for the sigmoid and 3 u for tanh (u = 2^-53 =
 * Number.EPSILON / 2; derived in docs/performance.md, "The vectorizable exponential and its error bound"), rounded
 * up to 4 u = 2 ulp of 1 to cover the second-order terms. The model's float activations (`1 / (1 + Math.exp(-z))`,
 * `Math.tanh`) carry errors of the same size.
 */
export const KERNEL_ACTIVATION_MAX_ABS_ERROR = 2 * Number.EPSILON;
