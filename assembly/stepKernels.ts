// AssemblyScript kernels of the explicit integrators' per-step vector work over the arena (src/kernels/WasmVectors.ts),
// re-exported by assembly/flowKernels.ts: the stage combinations y + h sum_j a_ij k_j, and the end of a step (the error
// estimates, their norm, the finiteness checks and Hairer's stiffness estimate) in one pass. Every sum runs in the
// order of the TypeScript twins (src/linalg/linearCombination.ts, src/integrators/errorNorm.ts, allFinite.ts,
// RkWorkspace.ts `stiffnessEstimate`), so the results agree bit for bit. No fused multiply-add.
//
// The end-of-step pass walks the vectors in blocks of BLOCK entries: it forms a block of the estimates, then reads it
// back from the L1 cache for the sums.

/** Entries per block of the end-of-step pass: 8 KiB per estimate (measured best among 128-2048 at n = 9,216 and 36,864). */
const BLOCK: i32 = 1024;

/**
 * out[m] = src[m] + sum_{j<count} c_j v_j[m] for m in [from, from + len) (byte offsets; src = 0: +0 instead), as the
 * twin: the terms four per pass, each pass adding ((s + c0 v0) + c1 v1) + ... left to right, where s is src in the
 * first pass (out set to +0 first without src) and out in the next ones. A pass reads out only entry by entry before
 * writing it, so all passes are one left-to-right sum per entry, the twin's (which copies src into out first: the
 * same sums, as out may be src but never a term). Reading src in the first pass instead of copying it saves a read and
 * a write of out per call (2% of a DOP853 solve of the mean-field net at m = 1,024). coefs: count float64s; terms:
 * count float64s, the byte offsets of the v_j.
 */
@inline
function combineBlock(out: usize, src: usize, from: usize, len: i32, coefs: usize, terms: usize, count: i32): void {
  const o = out + from;
  // the first pass reads src (a copy of it otherwise costs a pass); without src, out starts at +0
  let inp = src + from;
  if (src == 0) {
    memory.fill(o, 0, <usize>len << 3);
    inp = o;
  } else if (count == 0) memory.copy(o, inp, <usize>len << 3);
  for (let start = 0; start < count; start += 4, inp = o) {
    const take = min(4, count - start);
    const at = <usize>start << 3;
    const c0 = load<f64>(coefs + at);
    const v0 = <usize>load<f64>(terms + at) + from;
    if (take == 1) {
      pass1(o, inp, len, c0, v0);
      continue;
    }
    const c1 = load<f64>(coefs + at + 8);
    const v1 = <usize>load<f64>(terms + at + 8) + from;
    if (take == 2) {
      pass2(o, inp, len, c0, v0, c1, v1);
      continue;
    }
    const c2 = load<f64>(coefs + at + 16);
    const v2 = <usize>load<f64>(terms + at + 16) + from;
    if (take == 3) {
      pass3(o, inp, len, c0, v0, c1, v1, c2, v2);
      continue;
    }
    pass4(o, inp, len, c0, v0, c1, v1, c2, v2, load<f64>(coefs + at + 24), <usize>load<f64>(terms + at + 24) + from);
  }
}

@inline
function pass1(out: usize, inp: usize, n: i32, c0: f64, v0: usize): void {
  const a0 = f64x2.splat(c0);
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const at = <usize>m << 3;
    v128.store(out + at, f64x2.add(v128.load(inp + at), f64x2.mul(a0, v128.load(v0 + at))));
  }
  if (m < n) {
    const at = <usize>m << 3;
    store<f64>(out + at, load<f64>(inp + at) + c0 * load<f64>(v0 + at));
  }
}

@inline
function pass2(out: usize, inp: usize, n: i32, c0: f64, v0: usize, c1: f64, v1: usize): void {
  const a0 = f64x2.splat(c0);
  const a1 = f64x2.splat(c1);
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const at = <usize>m << 3;
    v128.store(out + at, f64x2.add(f64x2.add(v128.load(inp + at), f64x2.mul(a0, v128.load(v0 + at))), f64x2.mul(a1, v128.load(v1 + at))));
  }
  if (m < n) {
    const at = <usize>m << 3;
    store<f64>(out + at, load<f64>(inp + at) + c0 * load<f64>(v0 + at) + c1 * load<f64>(v1 + at));
  }
}

@inline
function pass3(out: usize, inp: usize, n: i32, c0: f64, v0: usize, c1: f64, v1: usize, c2: f64, v2: usize): void {
  const a0 = f64x2.splat(c0);
  const a1 = f64x2.splat(c1);
  const a2 = f64x2.splat(c2);
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const at = <usize>m << 3;
    const s = f64x2.add(f64x2.add(v128.load(inp + at), f64x2.mul(a0, v128.load(v0 + at))), f64x2.mul(a1, v128.load(v1 + at)));
    v128.store(out + at, f64x2.add(s, f64x2.mul(a2, v128.load(v2 + at))));
  }
  if (m < n) {
    const at = <usize>m << 3;
    store<f64>(out + at, load<f64>(inp + at) + c0 * load<f64>(v0 + at) + c1 * load<f64>(v1 + at) + c2 * load<f64>(v2 + at));
  }
}

@inline
function pass4(out: usize, inp: usize, n: i32, c0: f64, v0: usize, c1: f64, v1: usize, c2: f64, v2: usize, c3: f64, v3: usize): void {
  const a0 = f64x2.splat(c0);
  const a1 = f64x2.splat(c1);
  const a2 = f64x2.splat(c2);
  const a3 = f64x2.splat(c3);
  let m = 0;
  for (; m + 1 < n; m += 2) {
    const at = <usize>m << 3;
    const s = f64x2.add(f64x2.add(v128.load(inp + at), f64x2.mul(a0, v128.load(v0 + at))), f64x2.mul(a1, v128.load(v1 + at)));
    v128.store(out + at, f64x2.add(f64x2.add(s, f64x2.mul(a2, v128.load(v2 + at))), f64x2.mul(a3, v128.load(v3 + at))));
  }
  if (m < n) {
    const at = <usize>m << 3;
    store<f64>(
      out + at,
      load<f64>(inp + at) + c0 * load<f64>(v0 + at) + c1 * load<f64>(v1 + at) + c2 * load<f64>(v2 + at) + c3 * load<f64>(v3 + at),
    );
  }
}

/**
 * out[m] = y[m] + sum_{j<count} c_j v_j[m] for m < n (y = 0: without y, out starting at +0), bitwise
 * src/linalg/linearCombination.ts (the terms four per pass, left to right), each pass over the whole vectors (in
 * blocks of 256 it was 3-10% slower at n = 36,864, presumably as the hardware prefetchers prefer long streams). coefs: count
 * float64s; terms: count float64s, the byte offsets of the v_j.
 */
export function linearCombination(out: usize, y: usize, n: i32, coefs: usize, terms: usize, count: i32): void {
  combineBlock(out, y, 0, n, coefs, terms, count);
}

/**
 * The end of an embedded Runge-Kutta step in one pass over the vectors (src/integrators/RkWorkspace.ts `checkStep`,
 * whose TypeScript path is the reference), bitwise:
 * - err = sum_j c_j v_j (coefs/terms/count, the h (b_j - bHat_j) k_j), and err3 likewise when err3 != 0 (DOP853's
 *   third-order estimate), written as `linearCombination` would;
 * - the error norm's sums over the components in order from 0, with sc_m = atol_m + rtol max(|y_m|, |yNew_m|) (y must
 *   be finite, as an integrator's state is: its maximum with |yNew| is taken as a pseudo-maximum that only a NaN in y
 *   would tell apart):
 *   without err3 Hairer's sum of (err_m / sc_m)^2 over err_m != 0 (`errorNorm`) into result[0]; with err3 DOP853's
 *   sums of (err_m / sc_m)^2 and (err3_m / sc_m)^2 over all m (`errorNormDop853`) into result[0] and result[1];
 * - result[2] = 1 when err, err3 and yNew are all finite, else 0; result[3] likewise for fNew (1 when fNew = 0);
 * - when kPrev != 0, the sums of Hairer's stiffness estimate: result[4] = sum (fNew_m - kPrev_m)^2,
 *   result[5] = sum (yNew_m - yStage_m)^2 (in order from 0).
 */
export function stepCheck(
  n: i32,
  y: usize,
  yNew: usize,
  atol: usize,
  rtol: f64,
  err: usize,
  coefs: usize,
  terms: usize,
  count: i32,
  err3: usize,
  coefs3: usize,
  terms3: usize,
  count3: i32,
  fNew: usize,
  kPrev: usize,
  yStage: usize,
  result: usize,
): void {
  const vr = f64x2.splat(rtol);
  const zero = f64x2.splat(0.0);
  let sum: f64 = 0.0;
  let sum3: f64 = 0.0;
  let num: f64 = 0.0;
  let den: f64 = 0.0;
  let finite = zero;
  let finiteF = zero;
  for (let from = 0; from < n; from += BLOCK) {
    const len = min(BLOCK, n - from);
    const base = <usize>from << 3;
    combineBlock(err, 0, base, len, coefs, terms, count);
    if (err3 != 0) combineBlock(err3, 0, base, len, coefs3, terms3, count3);
    let m = 0;
    for (; m + 1 < len; m += 2) {
      const at = base + (<usize>m << 3);
      const e = v128.load(err + at);
      const yn = v128.load(yNew + at);
      // pmax(|yNew|, |y|) = |y| > |yNew| ? |y| : |yNew| is max(|y|, |yNew|) for a finite y (NaN with yNew, as max),
      // and one instruction where f64x2.max takes several
      const sc = f64x2.add(v128.load(atol + at), f64x2.mul(vr, f64x2.pmax(f64x2.abs(yn), f64x2.abs(v128.load(y + at)))));
      const r = f64x2.div(e, sc);
      finite = f64x2.add(finite, f64x2.add(f64x2.sub(e, e), f64x2.sub(yn, yn)));
      if (err3 != 0) {
        const e3 = v128.load(err3 + at);
        const r3 = f64x2.div(e3, sc);
        const rr = f64x2.mul(r, r);
        const rr3 = f64x2.mul(r3, r3);
        sum += f64x2.extract_lane(rr, 0);
        sum += f64x2.extract_lane(rr, 1);
        sum3 += f64x2.extract_lane(rr3, 0);
        sum3 += f64x2.extract_lane(rr3, 1);
        finite = f64x2.add(finite, f64x2.sub(e3, e3));
      } else {
        const rr = v128.andnot(f64x2.mul(r, r), f64x2.eq(e, zero));
        sum += f64x2.extract_lane(rr, 0);
        sum += f64x2.extract_lane(rr, 1);
      }
      if (fNew != 0) {
        const f = v128.load(fNew + at);
        finiteF = f64x2.add(finiteF, f64x2.sub(f, f));
        if (kPrev != 0) {
          const dk = f64x2.sub(f, v128.load(kPrev + at));
          const dy = f64x2.sub(yn, v128.load(yStage + at));
          const dk2 = f64x2.mul(dk, dk);
          const dy2 = f64x2.mul(dy, dy);
          num += f64x2.extract_lane(dk2, 0);
          num += f64x2.extract_lane(dk2, 1);
          den += f64x2.extract_lane(dy2, 0);
          den += f64x2.extract_lane(dy2, 1);
        }
      }
    }
    if (m < len) {
      const at = base + (<usize>m << 3);
      const e = load<f64>(err + at);
      const yn = load<f64>(yNew + at);
      const sc = load<f64>(atol + at) + rtol * max(abs(load<f64>(y + at)), abs(yn));
      finite = f64x2.add(finite, f64x2.splat(e - e + (yn - yn)));
      if (err3 != 0) {
        const e3 = load<f64>(err3 + at);
        const r = e / sc;
        const r3 = e3 / sc;
        sum += r * r;
        sum3 += r3 * r3;
        finite = f64x2.add(finite, f64x2.splat(e3 - e3));
      } else if (e != 0.0) {
        const r = e / sc;
        sum += r * r;
      }
      if (fNew != 0) {
        const f = load<f64>(fNew + at);
        finiteF = f64x2.add(finiteF, f64x2.splat(f - f));
        if (kPrev != 0) {
          const dk = f - load<f64>(kPrev + at);
          const dy = yn - load<f64>(yStage + at);
          num += dk * dk;
          den += dy * dy;
        }
      }
    }
  }
  store<f64>(result, sum);
  store<f64>(result + 8, sum3);
  store<f64>(result + 16, f64x2.extract_lane(finite, 0) + f64x2.extract_lane(finite, 1) == 0.0 ? 1.0 : 0.0);
  store<f64>(result + 24, f64x2.extract_lane(finiteF, 0) + f64x2.extract_lane(finiteF, 1) == 0.0 ? 1.0 : 0.0);
  store<f64>(result + 32, num);
  store<f64>(result + 40, den);
}
