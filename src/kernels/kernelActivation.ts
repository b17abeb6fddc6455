import { kernelActivationExp } from './kernelExp.js';

/** The activations the mean-field kernels compute (the model's `ActivationName`s), and their code in the WebAssembly kernels. */
export type KernelActivation = 'sigmoid' | 'tanh';

/** The activation's code in assembly/flowKernels.ts (`kind`). */
export const ACTIVATION_CODE: Readonly<Record<KernelActivation, number>> = Object.freeze({ sigmoid: 0, tanh: 1 });

/**
 * sigma(z) as both kernel backends compute it, from {@link kernelActivationExp}: sigmoid 1 / (1 + e^-z); tanh
 * sign(z) (1 - 2 / (e^(2|z|) + 1)). Against `1 / (1 + Math.exp(-z))` and `Math.tanh(z)` the absolute error is at
 * most {@link KERNEL_ACTIVATION_MAX_ABS_ERROR} (tested): the sigmoid inherits the exponential's ulp, and tanh's
 * formula loses its relative accuracy near 0 (there its absolute error is that of 1 - (1 - z)), which the kernels
 * accept: s enters sums of a_i s_i whose rounding is of the same size.
 */
export function kernelActivation(kind: KernelActivation, z: number): number {
  if (kind === 'sigmoid') return 1 / (1 + kernelActivationExp(-z));
  const t = 1 - 2 / (kernelActivationExp(2 * Math.abs(z)) + 1);
  return z < 0 ? -t : t;
}

/** sigma'(z) from s = sigma(z): s (1 - s) for the sigmoid, 1 - s^2 for tanh (as the model's `slopeFromValue`). */
export function kernelSlope(kind: KernelActivation, s: number): number {
  return kind === 'sigmoid' ? s * (1 - s) : 1 - s * s;
}

/** Bound on |kernelActivation(kind, z) - sigma(z)| for both activations, sigma as the model computes it (2 ulp of 1). */
export const KERNEL_ACTIVATION_MAX_ABS_ERROR = 2 * Number.EPSILON;
