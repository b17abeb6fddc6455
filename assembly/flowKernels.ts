// AssemblyScript source of the WebAssembly (SIMD) flow kernels, compiled by `npm run build` (`build:wasm`) to
// dist/src/kernels/flowKernels.wasm. The plain-TypeScript twins are src/kernels/quadraticFlowJs.ts,
// src/kernels/meanFieldFlowJs.ts and src/kernels/kernelExp.ts: every sum below runs in the same order as there, so
// the two backends agree bit for bit (tested in src/kernels/*.test.ts). f64x2 lanes only ever hold independent
// sums, or the even/odd partial sums of a reduction that the twins split the same way. No fused multiply-add.
//
// Memory: the caller (src/kernels/wasmHeap.ts) owns the linear memory above `heapBase()` and passes byte offsets.
// Matrices are row-major float64.

/** First byte the caller may use. */
export function heapBase(): usize {
  return __heap_base;
}

// ---- exp: fdlibm's e_exp.c algorithm, the scaling by 2^k split in two factors (no special-case branches) ----
const INV_LN2: f64 = 1.44269504088896338700e+00;
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;
/** 1.5 * 2^52: adding it rounds to an integer (ties to even) and leaves that integer in the low mantissa bits. */
const SHIFTER: f64 = 6755399441055744.0;
const X_MAX: f64 = 710.0;
const X_MIN: f64 = -746.0;
/** The activations' lower clamp: e^x there is still normal (round(x / ln2) = -1022). */
const X_MIN_ACTIVATION: f64 = -708.39;

/**
 * e^r 2^-k for r = x - k ln2 (k = kf, an integer-valued float): fdlibm's rational approximation, two lanes. The
 * caller scales by 2^k.
 */
@inline
function expReducedV(x: v128, kf: v128): v128 {
  const hi = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(kf, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const c = f64x2.sub(r, remezTailV(r));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  return f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, q), hi));
}

/** e^x on two lanes (as src/kernels/kernelExp.ts `kernelExp`). */
@inline
function expV(x0: v128): v128 {
  // pmin(a, b) = b < a ? b : a (one instruction; NaN stays NaN), as kernelExp's clamp
  const x = f64x2.pmax(f64x2.pmin(x0, f64x2.splat(X_MAX)), f64x2.splat(X_MIN));
  const t = f64x2.add(f64x2.mul(x, f64x2.splat(INV_LN2)), f64x2.splat(SHIFTER));
  const kf = f64x2.sub(t, f64x2.splat(SHIFTER));
  const y = expReducedV(x, kf);
  // 2^k = 2^k1 2^k2, k1 = floor(k / 2), k2 = k - k1 (both factors normal for |x| <= 746): the exponent bits come
  // from the low mantissa bits of k1 + SHIFTER (no 64-bit arithmetic shift, which SSE lacks)
  const k1f = f64x2.floor(f64x2.mul(kf, f64x2.splat(0.5)));
  const k2f = f64x2.sub(kf, k1f);
  const f1 = i64x2.shl(i64x2.add(f64x2.add(k1f, f64x2.splat(SHIFTER)), i64x2.splat(1023)), 52);
  const f2 = i64x2.shl(i64x2.add(f64x2.add(k2f, f64x2.splat(SHIFTER)), i64x2.splat(1023)), 52);
  return f64x2.mul(f64x2.mul(y, f1), f2);
}

/**
 * R(r) - 2 on two lanes, R fdlibm's Remez approximation of r (e^r + 1) / (e^r - 1) on [-ln2/2, ln2/2]:
 * r^2 (P1 + r^2 (P2 + ...)) (as kernelExp.ts `expRemezTail`).
 */
@inline
function remezTailV(r: v128): v128 {
  const tt = f64x2.mul(r, r);
  let poly = f64x2.add(f64x2.splat(P4), f64x2.mul(tt, f64x2.splat(P5)));
  poly = f64x2.add(f64x2.splat(P3), f64x2.mul(tt, poly));
  poly = f64x2.add(f64x2.splat(P2), f64x2.mul(tt, poly));
  poly = f64x2.add(f64x2.splat(P1), f64x2.mul(tt, poly));
  return f64x2.mul(tt, poly);
}

/** {@link remezTailV} on one lane. */
@inline
function remezTailS(r: f64): f64 {
  const tt = r * r;
  let poly = P4 + tt * P5;
  poly = P3 + tt * poly;
  poly = P2 + tt * poly;
  poly = P1 + tt * poly;
  return tt * poly;
}

/** {@link expReducedV} on one lane. */
@inline
function expReducedS(x: f64, kf: f64): f64 {
  const hi = x - kf * LN2_HI;
  const lo = kf * LN2_LO;
  const r = hi - lo;
  const c = r - remezTailS(r);
  return 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
}

/** e^x on one lane (the same operations as {@link expV}). */
@inline
function expS(x0: f64): f64 {
  const xc = X_MAX < x0 ? X_MAX : x0;
  const x = xc < X_MIN ? X_MIN : xc;
  const kf = (x * INV_LN2 + SHIFTER) - SHIFTER;
  const y = expReducedS(x, kf);
  const k1f = floor(kf * 0.5);
  const k2f = kf - k1f;
  const k1 = reinterpret<i64>(k1f + SHIFTER) - reinterpret<i64>(SHIFTER);
  const k2 = reinterpret<i64>(k2f + SHIFTER) - reinterpret<i64>(SHIFTER);
  return (y * reinterpret<f64>((k1 + 1023) << 52)) * reinterpret<f64>((k2 + 1023) << 52);
}

// ---- activations: value s from z (0 = sigmoid, 1 = tanh) with one division, as src/kernels/kernelActivation.ts ----

/** The clamp of tanh's 2|z| (kernelActivation.ts `TANH_X_MAX`): P = 2^58 (A + r) there, so P +- D rounds to P. */
const TANH_X_MAX: f64 = 40.0;

/**
 * sigma(z) on two lanes from e^x = P / D (kernelExp.ts `remezR`: P = 2^k (A + r), D = A - r,
 * A = 2 + R(r) - 2): the sigmoid D / (D + P) at x = -z clamped to [-708.39, 710] (k in [-1022, 1024], 2^k one
 * factor whose bits (k + 1023) << 52 are read off the low mantissa bits of t = x / ln2 + SHIFTER; k = 1024 gives
 * +Infinity's bits); tanh sign(z) (P - D) / (P + D) at x = min(2|z|, 40) (the lower clamp cannot bind there),
 * computed here as (P - D) / (P + D) at the signed x = 2z clamped to [-40, 40]: x -> -x gives k -> -k and r -> -r
 * (the rounding of t, of r and of A is symmetric under negation), so A + r and A - r swap, and with numerator and
 * denominator scaled by 2^k (exact) the quotient is exactly minus the one at |x| (0 stays +0: r = -0 adds nothing).
 * The sigmoid runs on y = -x = z clamped to [-710, 708.39] without negating z: t = SHIFTER - y / ln2 and
 * q = (y + k LN2_HI) + k LN2_LO are exactly x / ln2 + SHIFTER and -r (rounding is symmetric under negation), so
 * P = 2^k (A - q), D = A + q are the very same floats.
 */
@inline
function activateV(kind: i32, z: v128): v128 {
  if (kind == 0) {
    const y = f64x2.pmax(f64x2.pmin(z, f64x2.splat(-X_MIN_ACTIVATION)), f64x2.splat(-X_MAX));
    const t = f64x2.sub(f64x2.splat(SHIFTER), f64x2.mul(y, f64x2.splat(INV_LN2)));
    const kf = f64x2.sub(t, f64x2.splat(SHIFTER));
    const q = f64x2.add(f64x2.add(y, f64x2.mul(kf, f64x2.splat(LN2_HI))), f64x2.mul(kf, f64x2.splat(LN2_LO)));
    const a = f64x2.add(f64x2.splat(2.0), remezTailV(q));
    const p = f64x2.mul(f64x2.sub(a, q), i64x2.shl(i64x2.add(t, i64x2.splat(1023)), 52));
    const d = f64x2.add(a, q);
    return f64x2.div(d, f64x2.add(d, p));
  }
  const x = f64x2.pmax(f64x2.pmin(f64x2.mul(f64x2.splat(2.0), z), f64x2.splat(TANH_X_MAX)), f64x2.splat(-TANH_X_MAX));
  const t = f64x2.add(f64x2.mul(x, f64x2.splat(INV_LN2)), f64x2.splat(SHIFTER));
  const kf = f64x2.sub(t, f64x2.splat(SHIFTER));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI))), f64x2.mul(kf, f64x2.splat(LN2_LO)));
  const a = f64x2.add(f64x2.splat(2.0), remezTailV(r));
  const p = f64x2.mul(f64x2.add(a, r), i64x2.shl(i64x2.add(t, i64x2.splat(1023)), 52));
  const d = f64x2.sub(a, r);
  return f64x2.div(f64x2.sub(p, d), f64x2.add(p, d));
}

/** {@link activateV} on one lane (the sigmoid from x = -z as written in kernelActivation.ts: the same floats). */
@inline
function activateS(kind: i32, z: f64): f64 {
  let x: f64;
  if (kind == 0) {
    const xc = X_MAX < -z ? X_MAX : -z;
    x = xc < X_MIN_ACTIVATION ? X_MIN_ACTIVATION : xc;
  } else {
    const x2 = 2.0 * abs(z);
    x = TANH_X_MAX < x2 ? TANH_X_MAX : x2;
  }
  const t = x * INV_LN2 + SHIFTER;
  const kf = t - SHIFTER;
  const r = (x - kf * LN2_HI) - kf * LN2_LO;
  const a = 2.0 + remezTailS(r);
  const p = (a + r) * reinterpret<f64>((reinterpret<i64>(t) + 1023) << 52);
  const d = a - r;
  if (kind == 0) return d / (d + p);
  const q = (p - d) / (p + d);
  return z < 0.0 ? -q : q;
}

@inline
function slopeV(kind: i32, s: v128): v128 {
  if (kind == 0) return f64x2.mul(s, f64x2.sub(f64x2.splat(1.0), s));
  return f64x2.sub(f64x2.splat(1.0), f64x2.mul(s, s));
}

@inline
function slopeS(kind: i32, s: f64): f64 {
  if (kind == 0) return s * (1.0 - s);
  return 1.0 - s * s;
}

/** out[j] = e^(x[j]) for j < length (the vector exponential on its own, for tests and the bench). */
export function expArray(x: usize, out: usize, length: i32): void {
  let j = 0;
  for (; j + 1 < length; j += 2) v128.store(out + (<usize>j << 3), expV(v128.load(x + (<usize>j << 3))));
  if (j < length) store<f64>(out + (<usize>j << 3), expS(load<f64>(x + (<usize>j << 3))));
}

/** out[j] = sigma(z[j]) for j < length (kind 0 sigmoid, 1 tanh). */
export function activateArray(kind: i32, z: usize, out: usize, length: i32): void {
  let j = 0;
  for (; j + 1 < length; j += 2) v128.store(out + (<usize>j << 3), activateV(kind, v128.load(z + (<usize>j << 3))));
  if (j < length) store<f64>(out + (<usize>j << 3), activateS(kind, load<f64>(z + (<usize>j << 3))));
}

// ---- quadratic model h = h0 + G d + 1/2 Q[d, d] ----

/**
 * M = Q[d, .] (n x p): M[k p + i] = sum_j d_j Q[(k p + j) p + i] (column i of Q_k, = row i for symmetric Q_k), the
 * sum over j in order from 0. Eight (then two, then one) consecutive i per pass over j.
 */
export function quadraticFillM(n: i32, p: i32, Q: usize, d: usize, M: usize): void {
  const rowBytes = <usize>p << 3;
  for (let k = 0; k < n; k++) {
    const qk = Q + <usize>k * <usize>p * rowBytes;
    const mk = M + <usize>k * rowBytes;
    let i = 0;
    for (; i + 7 < p; i += 8) {
      let a0 = f64x2.splat(0.0);
      let a1 = f64x2.splat(0.0);
      let a2 = f64x2.splat(0.0);
      let a3 = f64x2.splat(0.0);
      let q = qk + (<usize>i << 3);
      for (let j = 0; j < p; j++) {
        const dj = f64x2.splat(load<f64>(d + (<usize>j << 3)));
        a0 = f64x2.add(a0, f64x2.mul(dj, v128.load(q)));
        a1 = f64x2.add(a1, f64x2.mul(dj, v128.load(q, 16)));
        a2 = f64x2.add(a2, f64x2.mul(dj, v128.load(q, 32)));
        a3 = f64x2.add(a3, f64x2.mul(dj, v128.load(q, 48)));
        q += rowBytes;
      }
      const o = mk + (<usize>i << 3);
      v128.store(o, a0);
      v128.store(o, a1, 16);
      v128.store(o, a2, 32);
      v128.store(o, a3, 48);
    }
    for (; i + 1 < p; i += 2) {
      let a0 = f64x2.splat(0.0);
      let q = qk + (<usize>i << 3);
      for (let j = 0; j < p; j++) {
        a0 = f64x2.add(a0, f64x2.mul(f64x2.splat(load<f64>(d + (<usize>j << 3))), v128.load(q)));
        q += rowBytes;
      }
      v128.store(mk + (<usize>i << 3), a0);
    }
    if (i < p) {
      let s: f64 = 0.0;
      let q = qk + (<usize>i << 3);
      for (let j = 0; j < p; j++) {
        s += load<f64>(d + (<usize>j << 3)) * load<f64>(q);
        q += rowBytes;
      }
      store<f64>(mk + (<usize>i << 3), s);
    }
  }
}

/**
 * Gradient flow of the quadratic model in the displacement d: out = (1/alpha) (G + M)^T r with
 * r = r0 - alpha (G + M/2) d (r0 = y* - alpha h0), M = Q[d, .] (left in M). rOverAlpha receives r / alpha.
 * The sum (G + M/2)_k . d is split into even and odd i (two lanes), added at the end, then the last i if p is odd.
 */
export function quadraticRhs(n: i32, p: i32, G: usize, Q: usize, M: usize, r0: usize, alpha: f64, d: usize, rOverAlpha: usize, out: usize): void {
  quadraticFillM(n, p, Q, d, M);
  const invAlpha = 1.0 / alpha;
  const half = f64x2.splat(0.5);
  for (let k = 0; k < n; k++) {
    const o = <usize>k * <usize>p << 3;
    let acc = f64x2.splat(0.0);
    let i = 0;
    for (; i + 1 < p; i += 2) {
      const at = o + (<usize>i << 3);
      acc = f64x2.add(acc, f64x2.mul(f64x2.add(v128.load(G + at), f64x2.mul(half, v128.load(M + at))), v128.load(d + (<usize>i << 3))));
    }
    let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    if (i < p) {
      const at = o + (<usize>i << 3);
      s += (load<f64>(G + at) + 0.5 * load<f64>(M + at)) * load<f64>(d + (<usize>i << 3));
    }
    store<f64>(rOverAlpha + (<usize>k << 3), (load<f64>(r0 + (<usize>k << 3)) - alpha * s) * invAlpha);
  }
  let i = 0;
  for (; i + 1 < p; i += 2) {
    let acc = f64x2.splat(0.0);
    for (let k = 0; k < n; k++) {
      const at = (<usize>k * <usize>p + <usize>i) << 3;
      acc = f64x2.add(acc, f64x2.mul(f64x2.splat(load<f64>(rOverAlpha + (<usize>k << 3))), f64x2.add(v128.load(G + at), v128.load(M + at))));
    }
    v128.store(out + (<usize>i << 3), acc);
  }
  if (i < p) {
    let s: f64 = 0.0;
    for (let k = 0; k < n; k++) {
      const at = (<usize>k * <usize>p + <usize>i) << 3;
      s += load<f64>(rOverAlpha + (<usize>k << 3)) * (load<f64>(G + at) + load<f64>(M + at));
    }
    store<f64>(out + (<usize>i << 3), s);
  }
}

/** J = G + M, M = Q[d, .] (n x p), into out. */
export function quadraticJacobian(n: i32, p: i32, G: usize, Q: usize, M: usize, d: usize, out: usize): void {
  quadraticFillM(n, p, Q, d, M);
  const len = n * p;
  let x = 0;
  for (; x + 1 < len; x += 2) {
    const at = <usize>x << 3;
    v128.store(out + at, f64x2.add(v128.load(G + at), v128.load(M + at)));
  }
  if (x < len) store<f64>(out + (<usize>x << 3), load<f64>(G + (<usize>x << 3)) + load<f64>(M + (<usize>x << 3)));
}

// ---- mean-field net h_j = (n m)^(-1/2) sum_i a_i sigma(sqrt(m) <x_j, u_i>) ----

/** Neurons per block of pass 1 (and as many mirrors): their z rows are computed, then activated in one run. */
const NEURON_BLOCK = 16;

/** u_(i k) at byte offset `uo` (row i of U) + k, splat on both lanes (one load). */
@inline
function uSplat(uo: usize, k: i32): v128 {
  return v128.load64_splat(uo + (<usize>k << 3));
}

/**
 * Rows i1 and i2 of Z: z_ij = sqrt(m) <x_j, u_i>, u_i row i of U (m x dim), into S (activated afterwards by
 * {@link activateRange}), each inner product summed over k in order from 0. The two neurons share the loads of x^T
 * (xT, dim x n); eight j per pass (four lane pairs each), then two, then one. i1 = i2 is allowed (one neuron).
 */
@inline
function neuronPairZ(n: i32, dim: i32, sqrtM: f64, xT: usize, U: usize, S: usize, i1: i32, i2: i32): void {
  const uo1 = U + ((<usize>i1 * <usize>dim) << 3);
  const uo2 = U + ((<usize>i2 * <usize>dim) << 3);
  const row1 = S + ((<usize>i1 * <usize>n) << 3);
  const row2 = S + ((<usize>i2 * <usize>n) << 3);
  const rowBytes = <usize>n << 3;
  const rs = f64x2.splat(sqrtM);
  let j = 0;
  for (; j + 7 < n; j += 8) {
    let a0 = f64x2.splat(0.0);
    let a1 = f64x2.splat(0.0);
    let a2 = f64x2.splat(0.0);
    let a3 = f64x2.splat(0.0);
    let b0 = f64x2.splat(0.0);
    let b1 = f64x2.splat(0.0);
    let b2 = f64x2.splat(0.0);
    let b3 = f64x2.splat(0.0);
    let xk = xT + (<usize>j << 3);
    for (let k = 0; k < dim; k++) {
      const u1 = uSplat(uo1, k);
      const u2 = uSplat(uo2, k);
      const x0 = v128.load(xk);
      const x1 = v128.load(xk, 16);
      const x2 = v128.load(xk, 32);
      const x3 = v128.load(xk, 48);
      a0 = f64x2.add(a0, f64x2.mul(x0, u1));
      a1 = f64x2.add(a1, f64x2.mul(x1, u1));
      a2 = f64x2.add(a2, f64x2.mul(x2, u1));
      a3 = f64x2.add(a3, f64x2.mul(x3, u1));
      b0 = f64x2.add(b0, f64x2.mul(x0, u2));
      b1 = f64x2.add(b1, f64x2.mul(x1, u2));
      b2 = f64x2.add(b2, f64x2.mul(x2, u2));
      b3 = f64x2.add(b3, f64x2.mul(x3, u2));
      xk += rowBytes;
    }
    const o1 = row1 + (<usize>j << 3);
    const o2 = row2 + (<usize>j << 3);
    v128.store(o1, f64x2.mul(rs, a0));
    v128.store(o1, f64x2.mul(rs, a1), 16);
    v128.store(o1, f64x2.mul(rs, a2), 32);
    v128.store(o1, f64x2.mul(rs, a3), 48);
    v128.store(o2, f64x2.mul(rs, b0));
    v128.store(o2, f64x2.mul(rs, b1), 16);
    v128.store(o2, f64x2.mul(rs, b2), 32);
    v128.store(o2, f64x2.mul(rs, b3), 48);
  }
  for (; j + 1 < n; j += 2) {
    let a0 = f64x2.splat(0.0);
    let b0 = f64x2.splat(0.0);
    let xk = xT + (<usize>j << 3);
    for (let k = 0; k < dim; k++) {
      const x0 = v128.load(xk);
      a0 = f64x2.add(a0, f64x2.mul(x0, uSplat(uo1, k)));
      b0 = f64x2.add(b0, f64x2.mul(x0, uSplat(uo2, k)));
      xk += rowBytes;
    }
    v128.store(row1 + (<usize>j << 3), f64x2.mul(rs, a0));
    v128.store(row2 + (<usize>j << 3), f64x2.mul(rs, b0));
  }
  if (j < n) {
    let s1: f64 = 0.0;
    let s2: f64 = 0.0;
    for (let k = 0; k < dim; k++) {
      const xkj = load<f64>(xT + ((<usize>k * <usize>n + <usize>j) << 3));
      const at = <usize>k << 3;
      s1 += xkj * load<f64>(uo1 + at);
      s2 += xkj * load<f64>(uo2 + at);
    }
    store<f64>(row1 + (<usize>j << 3), sqrtM * s1);
    store<f64>(row2 + (<usize>j << 3), sqrtM * s2);
  }
}

/** S[0 .. count) = sigma(S[0 .. count)) in place (a run of z rows), four lane pairs per pass, then one, then a lane. */
@inline
function activateRange(kind: i32, S: usize, count: i32): void {
  let j = 0;
  for (; j + 7 < count; j += 8) {
    const at = S + (<usize>j << 3);
    const s0 = activateV(kind, v128.load(at));
    const s1 = activateV(kind, v128.load(at, 16));
    const s2 = activateV(kind, v128.load(at, 32));
    const s3 = activateV(kind, v128.load(at, 48));
    v128.store(at, s0);
    v128.store(at, s1, 16);
    v128.store(at, s2, 32);
    v128.store(at, s3, 48);
  }
  for (; j + 1 < count; j += 2) v128.store(S + (<usize>j << 3), activateV(kind, v128.load(S + (<usize>j << 3))));
  if (j < count) store<f64>(S + (<usize>j << 3), activateS(kind, load<f64>(S + (<usize>j << 3))));
}

/** h[j] += a S[i, j] + b S[i2, j], two j per lane pair. */
@inline
function hAddPair(n: i32, h: usize, S: usize, i: i32, a: f64, i2: i32, b: f64): void {
  const r1 = S + ((<usize>i * <usize>n) << 3);
  const r2 = S + ((<usize>i2 * <usize>n) << 3);
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const at = <usize>j << 3;
    v128.store(h + at, f64x2.add(v128.load(h + at), f64x2.add(f64x2.mul(va, v128.load(r1 + at)), f64x2.mul(vb, v128.load(r2 + at)))));
  }
  if (j < n) {
    const at = <usize>j << 3;
    store<f64>(h + at, load<f64>(h + at) + (a * load<f64>(r1 + at) + b * load<f64>(r2 + at)));
  }
}

/** out[0 .. length) = a + b, two entries per lane pair. */
@inline
function addInto(out: usize, a: usize, b: usize, length: i32): void {
  let j = 0;
  for (; j + 1 < length; j += 2) {
    const at = <usize>j << 3;
    v128.store(out + at, f64x2.add(v128.load(a + at), v128.load(b + at)));
  }
  if (j < length) {
    const at = <usize>j << 3;
    store<f64>(out + at, load<f64>(a + at) + load<f64>(b + at));
  }
}

/** a_i = w0_i + dd_i. */
@inline
function weightA(w0: usize, dd: usize, i: i32): f64 {
  return load<f64>(w0 + (<usize>i << 3)) + load<f64>(dd + (<usize>i << 3));
}

/**
 * Neuron i's part of J^T r that needs only row i of S: out_(a_i) = cA sum_j r_j s_ij (even and odd j in two lanes,
 * added at the end, then the last j when n is odd), and g_j = r_j sigma'_ij into g (n entries). rOverAlpha = r / alpha.
 */
@inline
function outputGradient(kind: i32, n: i32, cA: f64, S: usize, rOverAlpha: usize, i: i32, g: usize, out: usize): void {
  const row = S + ((<usize>i * <usize>n) << 3);
  let acc = f64x2.splat(0.0);
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const at = <usize>j << 3;
    const s = v128.load(row + at);
    const r = v128.load(rOverAlpha + at);
    acc = f64x2.add(acc, f64x2.mul(r, s));
    v128.store(g + at, f64x2.mul(r, slopeV(kind, s)));
  }
  let ga = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (j < n) {
    const at = <usize>j << 3;
    const s = load<f64>(row + at);
    const r = load<f64>(rOverAlpha + at);
    ga += r * s;
    store<f64>(g + at, r * slopeS(kind, s));
  }
  store<f64>(out + (<usize>i << 3), cA * ga);
}

/**
 * out_(u_i k) = cU a_i sum_j g_ij x_jk for neurons i1 and i2 (g1, g2: their g_j), the sum over j in order from 0;
 * the two share the loads of x (n x dim); eight k per pass, then two, then one. i1 = i2 is allowed.
 */
@inline
function inputGradientPair(m: i32, n: i32, dim: i32, cU: f64, x: usize, w0: usize, dd: usize, i1: i32, g1: usize, i2: i32, g2: usize, out: usize): void {
  const c1 = cU * weightA(w0, dd, i1);
  const c2 = cU * weightA(w0, dd, i2);
  const v1 = f64x2.splat(c1);
  const v2 = f64x2.splat(c2);
  const o1 = out + ((<usize>m + <usize>i1 * <usize>dim) << 3);
  const o2 = out + ((<usize>m + <usize>i2 * <usize>dim) << 3);
  const rowBytes = <usize>dim << 3;
  let k = 0;
  for (; k + 7 < dim; k += 8) {
    let a0 = f64x2.splat(0.0);
    let a1 = f64x2.splat(0.0);
    let a2 = f64x2.splat(0.0);
    let a3 = f64x2.splat(0.0);
    let b0 = f64x2.splat(0.0);
    let b1 = f64x2.splat(0.0);
    let b2 = f64x2.splat(0.0);
    let b3 = f64x2.splat(0.0);
    let xj = x + (<usize>k << 3);
    for (let jj = 0; jj < n; jj++) {
      const h1 = v128.load64_splat(g1 + (<usize>jj << 3));
      const h2 = v128.load64_splat(g2 + (<usize>jj << 3));
      const x0 = v128.load(xj);
      const x1 = v128.load(xj, 16);
      const x2 = v128.load(xj, 32);
      const x3 = v128.load(xj, 48);
      a0 = f64x2.add(a0, f64x2.mul(h1, x0));
      a1 = f64x2.add(a1, f64x2.mul(h1, x1));
      a2 = f64x2.add(a2, f64x2.mul(h1, x2));
      a3 = f64x2.add(a3, f64x2.mul(h1, x3));
      b0 = f64x2.add(b0, f64x2.mul(h2, x0));
      b1 = f64x2.add(b1, f64x2.mul(h2, x1));
      b2 = f64x2.add(b2, f64x2.mul(h2, x2));
      b3 = f64x2.add(b3, f64x2.mul(h2, x3));
      xj += rowBytes;
    }
    const at = <usize>k << 3;
    v128.store(o1 + at, f64x2.mul(v1, a0));
    v128.store(o1 + at, f64x2.mul(v1, a1), 16);
    v128.store(o1 + at, f64x2.mul(v1, a2), 32);
    v128.store(o1 + at, f64x2.mul(v1, a3), 48);
    v128.store(o2 + at, f64x2.mul(v2, b0));
    v128.store(o2 + at, f64x2.mul(v2, b1), 16);
    v128.store(o2 + at, f64x2.mul(v2, b2), 32);
    v128.store(o2 + at, f64x2.mul(v2, b3), 48);
  }
  for (; k + 1 < dim; k += 2) {
    let a0 = f64x2.splat(0.0);
    let b0 = f64x2.splat(0.0);
    let xj = x + (<usize>k << 3);
    for (let jj = 0; jj < n; jj++) {
      const x0 = v128.load(xj);
      a0 = f64x2.add(a0, f64x2.mul(v128.load64_splat(g1 + (<usize>jj << 3)), x0));
      b0 = f64x2.add(b0, f64x2.mul(v128.load64_splat(g2 + (<usize>jj << 3)), x0));
      xj += rowBytes;
    }
    v128.store(o1 + (<usize>k << 3), f64x2.mul(v1, a0));
    v128.store(o2 + (<usize>k << 3), f64x2.mul(v2, b0));
  }
  if (k < dim) {
    let s1: f64 = 0.0;
    let s2: f64 = 0.0;
    for (let jj = 0; jj < n; jj++) {
      const xjk = load<f64>(x + ((<usize>jj * <usize>dim + <usize>k) << 3));
      s1 += load<f64>(g1 + (<usize>jj << 3)) * xjk;
      s2 += load<f64>(g2 + (<usize>jj << 3)) * xjk;
    }
    store<f64>(o1 + (<usize>k << 3), c1 * s1);
    store<f64>(o2 + (<usize>k << 3), c2 * s2);
  }
}

/**
 * Gradient flow of the mean-field net (parameters w = (a, U), a: m, U: m x dim row-major) in the displacement dd:
 * out = (1/alpha) J^T (y* - alpha h(w0 + dd)), as src/kernels/meanFieldFlowJs.ts. Scratch: S (m x n), h (n; ends
 * as r / alpha), g (2 n).
 */
export function meanFieldRhs(kind: i32, m: i32, n: i32, dim: i32, x: usize, xT: usize, w0: usize, dd: usize, yStar: usize, alpha: f64,
  S: usize, h: usize, g: usize, out: usize): void {
  if (kind == 0) meanFieldRhsSigmoid(m, n, dim, x, xT, w0, dd, yStar, alpha, S, h, g, out);
  else meanFieldRhsTanh(m, n, dim, x, xT, w0, dd, yStar, alpha, S, h, g, out);
}

// One copy of the body per activation, the kind a constant in each, so no inner loop branches on it. The two are
// exported (and called from meanFieldRhs) because Binaryen would otherwise inline both into meanFieldRhs and fold
// the two near-identical copies back into one body that tests the kind per element (measured 10-15% slower).

/** {@link meanFieldRhs} with the sigmoid. */
export function meanFieldRhsSigmoid(m: i32, n: i32, dim: i32, x: usize, xT: usize, w0: usize, dd: usize, yStar: usize, alpha: f64,
  S: usize, h: usize, g: usize, out: usize): void {
  meanFieldBody(0, m, n, dim, x, xT, w0, dd, yStar, alpha, S, h, g, out);
}

/** {@link meanFieldRhs} with tanh. */
export function meanFieldRhsTanh(m: i32, n: i32, dim: i32, x: usize, xT: usize, w0: usize, dd: usize, yStar: usize, alpha: f64,
  S: usize, h: usize, g: usize, out: usize): void {
  meanFieldBody(1, m, n, dim, x, xT, w0, dd, yStar, alpha, S, h, g, out);
}

@inline
function meanFieldBody(kind: i32, m: i32, n: i32, dim: i32, x: usize, xT: usize, w0: usize, dd: usize, yStar: usize, alpha: f64,
  S: usize, h: usize, g: usize, out: usize): void {
  const sqrtM = Math.sqrt(<f64>m);
  const cA = 1.0 / Math.sqrt(<f64>n * <f64>m);
  const cU = 1.0 / Math.sqrt(<f64>n);
  const half = m >> 1;
  memory.fill(h, 0, <usize>n << 3);
  // U = w0_U + dd_U (m x dim) into out's U part, which pass 2 overwrites only after pass 1 has read all of it
  const U = out + (<usize>m << 3);
  addInto(U, w0 + (<usize>m << 3), dd + (<usize>m << 3), m * dim);
  // Pass 1: h = sum_i a_i sigma_i, mirrored neurons i, i + m/2 summed first. Per block of neurons and their mirrors:
  // the z rows (the pair i, i + m/2 sharing the loads of x^T), one activation run over each block's rows (contiguous
  // in S), then the sums.
  for (let b = 0; b < half; b += NEURON_BLOCK) {
    const e = min(half, b + NEURON_BLOCK);
    for (let i = b; i < e; i++) neuronPairZ(n, dim, sqrtM, xT, U, S, i, i + half);
    activateRange(kind, S + ((<usize>b * <usize>n) << 3), (e - b) * n);
    activateRange(kind, S + ((<usize>(b + half) * <usize>n) << 3), (e - b) * n);
    for (let i = b; i < e; i++) hAddPair(n, h, S, i, weightA(w0, dd, i), i + half, weightA(w0, dd, i + half));
  }
  if (m & 1) {
    const last = m - 1;
    neuronPairZ(n, dim, sqrtM, xT, U, S, last, last);
    const row = S + ((<usize>last * <usize>n) << 3);
    activateRange(kind, row, n);
    const a = weightA(w0, dd, last);
    for (let j = 0; j < n; j++) {
      const at = <usize>j << 3;
      store<f64>(h + at, load<f64>(h + at) + a * load<f64>(row + at));
    }
  }
  for (let j = 0; j < n; j++) {
    const at = <usize>j << 3;
    store<f64>(h + at, (load<f64>(yStar + at) - alpha * (cA * load<f64>(h + at))) / alpha); // r_j / alpha
  }
  // Pass 2: J^T r from S, neurons i and i + 1 together (sharing the loads of x), the last one alone when m is odd.
  const g2 = g + (<usize>n << 3);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    outputGradient(kind, n, cA, S, h, i, g, out);
    outputGradient(kind, n, cA, S, h, i + 1, g2, out);
    inputGradientPair(m, n, dim, cU, x, w0, dd, i, g, i + 1, g2, out);
  }
  if (i < m) {
    outputGradient(kind, n, cA, S, h, i, g, out);
    inputGradientPair(m, n, dim, cU, x, w0, dd, i, g, i, g, out);
  }
}

/**
 * The activations of the mean-field net at w0 + dd into S (m x n): S_ij = sigma(z_ij), z_ij = sqrt(m) <x_j, u_i>, as
 * pass 1 of `meanFieldRhs` computes them (the same z sums and activation runs, so the same floats), U = w0_U + dd_U
 * (m x dim) kept at `U`. For the exponential path's structured linear part (assembly/meanFieldLinearKernels.ts).
 */
export function meanFieldActivations(kind: i32, m: i32, n: i32, dim: i32, xT: usize, w0: usize, dd: usize, U: usize, S: usize): void {
  const sqrtM = Math.sqrt(<f64>m);
  addInto(U, w0 + (<usize>m << 3), dd + (<usize>m << 3), m * dim);
  let i = 0;
  for (; i + 1 < m; i += 2) neuronPairZ(n, dim, sqrtM, xT, U, S, i, i + 1);
  if (i < m) neuronPairZ(n, dim, sqrtM, xT, U, S, i, i);
  activateRange(kind, S, m * n);
}
export { meanFieldLinearAddBack, meanFieldLinearFactors, meanFieldLinearGram, meanFieldLinearProject } from './meanFieldLinearKernels';

// ---- vector updates of the integrators: out = y + sum_j c_j v_j, and the end of an explicit step (assembly/stepKernels.ts) ----
export { linearCombination, stepCheck } from './stepKernels';

// ---- per-step checks of the integrators over the arena's vectors (src/integrators/errorNorm.ts, allFinite.ts) ----

/** 1 when every entry of v[0 .. n) is finite, else 0: x - x is 0 for a finite x and NaN for +-Infinity and NaN. */
export function allFinite(v: usize, n: i32): i32 {
  let acc = f64x2.splat(0.0);
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const x = v128.load(v + (<usize>m << 3));
    acc = f64x2.add(acc, f64x2.sub(x, x));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (m < n) {
    const x = load<f64>(v + (<usize>m << 3));
    s += x - x;
  }
  return s == 0.0 ? 1 : 0;
}

/**
 * Hairer's scaled RMS norm sqrt((1/n) sum_i (err_i / sc_i)^2), sc_i = atol_i + rtol max(|y_i|, |yNew_i|), as
 * src/integrators/errorNorm.ts `errorNorm`: a component with err_i = 0 adds nothing, and the sum runs over i in
 * order from 0 (the quotients two at a time, added lane 0 then lane 1), so the two agree bit for bit.
 */
export function errorNorm(err: usize, y: usize, yNew: usize, rtol: f64, atol: usize, n: i32): f64 {
  const vr = f64x2.splat(rtol);
  const zero = f64x2.splat(0.0);
  let sum: f64 = 0.0;
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const at = <usize>m << 3;
    const e = v128.load(err + at);
    const sc = f64x2.add(v128.load(atol + at), f64x2.mul(vr, f64x2.max(f64x2.abs(v128.load(y + at)), f64x2.abs(v128.load(yNew + at)))));
    const r = f64x2.div(e, sc);
    const rr = v128.bitselect(zero, f64x2.mul(r, r), f64x2.eq(e, zero));
    sum += f64x2.extract_lane(rr, 0);
    sum += f64x2.extract_lane(rr, 1);
  }
  if (m < n) {
    const at = <usize>m << 3;
    const e = load<f64>(err + at);
    if (e != 0.0) {
      const r = e / (load<f64>(atol + at) + rtol * max(abs(load<f64>(y + at)), abs(load<f64>(yNew + at))));
      sum += r * r;
    }
  }
  return Math.sqrt(sum / <f64>n);
}

// ---- the exponential path's linear part L = -B^T B (src/integrators/NegativeGramOperator.ts) ----

/**
 * out_i = (B x)_i for the rows x n matrix B (row-major), as NegativeGramOperator's `project`: per row, the even
 * entries summed in lane 0 and the odd ones in lane 1 (in order from 0), a last odd-n entry into lane 0, then
 * lane 0 + lane 1, so the two agree bit for bit.
 */
export function gramProject(B: usize, rows: i32, n: i32, x: usize, out: usize): void {
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < rows; i++) {
    const o = B + <usize>i * rowBytes;
    let acc = f64x2.splat(0.0);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const at = <usize>j << 3;
      acc = f64x2.add(acc, f64x2.mul(v128.load(o + at), v128.load(x + at)));
    }
    let s0 = f64x2.extract_lane(acc, 0);
    if (j < n) {
      const at = <usize>j << 3;
      s0 += load<f64>(o + at) * load<f64>(x + at);
    }
    store<f64>(out + (<usize>i << 3), s0 + f64x2.extract_lane(acc, 1));
  }
}

/**
 * out += B^T v for the rows x n matrix B (row-major), as src/linalg/dense.ts `addMatTVec`: each out_j adds
 * B_ij v_i for i in order from 0, skipping rows with v_i = 0, so the two agree bit for bit (out is read and
 * written once, two entries at a time).
 */
export function gramAddBack(B: usize, rows: i32, n: i32, v: usize, out: usize): void {
  const rowBytes = <usize>n << 3;
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const at = <usize>j << 3;
    let acc = v128.load(out + at);
    for (let i = 0; i < rows; i++) {
      const vi = load<f64>(v + (<usize>i << 3));
      if (vi == 0.0) continue;
      acc = f64x2.add(acc, f64x2.mul(v128.load(B + <usize>i * rowBytes + at), f64x2.splat(vi)));
    }
    v128.store(out + at, acc);
  }
  if (j < n) {
    const at = <usize>j << 3;
    let s = load<f64>(out + at);
    for (let i = 0; i < rows; i++) {
      const vi = load<f64>(v + (<usize>i << 3));
      if (vi == 0.0) continue;
      s += load<f64>(B + <usize>i * rowBytes + at) * vi;
    }
    store<f64>(out + at, s);
  }
}

/**
 * K = B B^T (rows x rows, row-major, both triangles) for the rows x n matrix B, as src/linalg/dense.ts `gram`: each
 * entry is the sum over j in order from 0 of B_ij B_kj. Two entries (i, k) and (i, k + 1) share a f64x2 (lane 0 and
 * lane 1, each summed in order), so the two agree bit for bit while row i is read once per pair of k.
 */
export function gramMatrix(B: usize, rows: i32, n: i32, out: usize): void {
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < rows; i++) {
    const bi = B + <usize>i * rowBytes;
    let k = i;
    for (; k + 1 < rows; k += 2) {
      const b0 = B + <usize>k * rowBytes;
      const b1 = b0 + rowBytes;
      let acc = f64x2.splat(0.0);
      for (let j = 0; j < n; j++) {
        const at = <usize>j << 3;
        const pair = f64x2.replace_lane(f64x2.splat(load<f64>(b0 + at)), 1, load<f64>(b1 + at));
        acc = f64x2.add(acc, f64x2.mul(f64x2.splat(load<f64>(bi + at)), pair));
      }
      const s0 = f64x2.extract_lane(acc, 0);
      const s1 = f64x2.extract_lane(acc, 1);
      store<f64>(out + ((<usize>(i * rows + k)) << 3), s0);
      store<f64>(out + ((<usize>(k * rows + i)) << 3), s0);
      store<f64>(out + ((<usize>(i * rows + k + 1)) << 3), s1);
      store<f64>(out + ((<usize>((k + 1) * rows + i)) << 3), s1);
    }
    if (k < rows) {
      const bk = B + <usize>k * rowBytes;
      let s: f64 = 0.0;
      for (let j = 0; j < n; j++) {
        const at = <usize>j << 3;
        s += load<f64>(bi + at) * load<f64>(bk + at);
      }
      store<f64>(out + ((<usize>(i * rows + k)) << 3), s);
      store<f64>(out + ((<usize>(k * rows + i)) << 3), s);
    }
  }
}
export { exponentialCoefficients, exponentialStageCombine, exponentialStageProject } from './exponentialStageKernels';
