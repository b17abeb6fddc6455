/**
 * The flow kernels' exponential: fdlibm's `e_exp.c` algorithm (range reduction x = k ln2 + r with ln2 split in a
 * high part exact under multiplication by k, then Remez's rational approximation of e^r on [-ln2/2, ln2/2]),
 * written without branches so that it vectorizes: k is rounded to nearest by the 1.5 * 2^52 shift, x is clamped
 * to [-746, 710] (the results there are already 0 and Infinity), and 2^k is applied as two normal factors
 * 2^(k >> 1) 2^(k - (k >> 1)), so underflow to subnormals rounds once, correctly. The WebAssembly kernels
 * (assembly/flowKernels.ts, `expV` and `expS`) run these very operations, so both backends agree bit for bit.
 *
 * Error: fdlibm's algorithm is within 1 ulp of e^x, and so is V8's `Math.exp` (a port of the same code): the two
 * differ by at most {@link KERNEL_EXP_MAX_ULPS} ulp on normal results (tested on 10^5 points and at the edges).
 */
export function kernelExp(x0: number): number {
  const x = Math.max(X_MIN, Math.min(X_MAX, x0)); // as wasm's pmin / pmax: NaN stays NaN
  const kf = ln2Multiple(x);
  const y = expReduced(x, kf);
  const k1 = Math.floor(kf / 2); // = k >> 1 (arithmetic shift)
  return y * pow2(k1) * pow2(kf - k1);
}

// ---- e^x as a fraction, for the activations (src/kernels/kernelActivation.ts; `activateV`/`activateS` in the
// WebAssembly kernels): e^x = P / D with P = 2^k (A + r), D = A - r, where r = x - k ln2 is reduced as in kernelExp
// and A = remezR(r) is fdlibm's Remez approximation of R(r) = r (e^r + 1) / (e^r - 1), so that e^r = (R + r) / (R - r)
// exactly (fdlibm's 1 + r + r c / (2 - c) with c = r - (R - 2) over its common denominator): a caller that divides
// once by an expression in P and D saves the division inside fdlibm's formula. The parts are exported one by one (not
// as a function filling an array with P and D: that cost the TypeScript kernel 30%). ----

/**
 * The activations' argument clamp, x to [-708.39, 710]: k = round(x / ln2) then lies in [-1022, 1024] and 2^k is one
 * factor (2^1024 = Infinity: P is Infinity from x = 709.09 on, where A + r > 2 and k = 1023; an activation's value
 * there is below 2^-1022). NaN stays NaN.
 */
export function clampActivationArgument(x: number): number {
  return Math.max(X_MIN_ACTIVATION, Math.min(X_MAX, x));
}

/** k = round(x / ln2) (ties to even) as an integer-valued float, by the 1.5 * 2^52 shift. */
export function ln2Multiple(x: number): number {
  return x * INV_LN2 + SHIFTER - SHIFTER;
}

/** r = x - k ln2 for kf = {@link ln2Multiple}(x), ln2 in two parts (x - k LN2_HI is exact), as a float (rounded once). */
export function reducedArgument(x: number, kf: number): number {
  return x - kf * LN2_HI - kf * LN2_LO;
}

/**
 * A = 2 + r^2 (P1 + r^2 (P2 + ...)), fdlibm's Remez approximation of R(r) = r (e^r + 1) / (e^r - 1) on [-ln2/2, ln2/2]:
 * e^x = P / D with P = 2^k (A + r), D = A - r for r = {@link reducedArgument}(x, kf), the quotient's relative error
 * at most {@link KERNEL_EXP_FRACTION_MAX_REL_ERROR}.
 */
export function remezR(r: number): number {
  return 2 + expRemezTail(r);
}

/** 2^k for an integer-valued float k in [-1024, 1024] (exact; 2^1024 = Infinity). */
export function pow2(kf: number): number {
  return POW2[kf + POW2_OFFSET] as number;
}

/**
 * First-order bound on the relative error of e^x's fraction P / D (see {@link remezR}) against e^x, for x in
 * [-708.39, 709.08]: 2.24 u (u = 2^-53): r's rounding 0.25 u, A's (with the polynomial's rounding and approximation)
 * 0.38 u, the roundings of A + r and A - r 1.61 u (derived in docs/performance.md, "The vectorizable exponential and
 * its error bound").
 */
export const KERNEL_EXP_FRACTION_MAX_REL_ERROR = 2.24 * 2 ** -53;

/** R(r) - 2 for fdlibm's Remez approximation R of r (e^r + 1) / (e^r - 1) on [-ln2/2, ln2/2]: r^2 (P1 + r^2 (P2 + ...)). */
function expRemezTail(r: number): number {
  const tt = r * r;
  let poly = P4 + tt * P5;
  poly = P3 + tt * poly;
  poly = P2 + tt * poly;
  poly = P1 + tt * poly;
  return tt * poly;
}

/** e^r for r = x - kf ln2 (kf an integer), the high part of ln2 exact under multiplication by kf; the caller scales by 2^kf. */
function expReduced(x: number, kf: number): number {
  const hi = x - kf * LN2_HI;
  const lo = kf * LN2_LO;
  const r = hi - lo;
  const c = r - expRemezTail(r);
  return 1 - (lo - (r * c) / (2 - c) - hi);
}

/** Largest difference between {@link kernelExp} and `Math.exp`, in units in the last place of `Math.exp`, for normal results. */
export const KERNEL_EXP_MAX_ULPS = 1;

// fdlibm e_exp.c's constants, written as the shortest decimals of the same doubles (its 21-digit forms round to these).
const INV_LN2 = Math.LOG2E;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;
/** 1.5 * 2^52: x + SHIFTER - SHIFTER rounds x to an integer, ties to even. */
const SHIFTER = 6_755_399_441_055_744;
const X_MAX = 710;
const X_MIN = -746;
/** The activations' lower clamp: round(x / ln2) = -1022 there, so e^x is still normal. */
const X_MIN_ACTIVATION = -708.39;
/** 2^j for j in [-POW2_OFFSET, POW2_OFFSET] (exact: built by doubling and halving; 2^1024 = Infinity). */
const POW2_OFFSET = 1024;
const POW2 = new Float64Array(2 * POW2_OFFSET + 1);
POW2[POW2_OFFSET] = 1;
for (let j = 1; j <= POW2_OFFSET; j++) {
  POW2[POW2_OFFSET + j] = (POW2[POW2_OFFSET + j - 1] as number) * 2;
  POW2[POW2_OFFSET - j] = (POW2[POW2_OFFSET - j + 1] as number) / 2;
}
