// The exponential stepper's stage work in one call each (src/integrators/ExponentialStepper.ts `combine` and the
// projection of a stage, with the operator's products of src/integrators/NegativeGramOperator.ts): every sum runs
// in the order of the TypeScript path, so the two agree bit for bit (src/kernels/WasmExponentialStage.test.ts).
// Scalar f64 arithmetic except where the called kernels use their f64x2 lanes; no fused multiply-add.
import { gramAddBack, gramProject, linearCombination } from './flowKernels';

/**
 * One combination of the exponential stepper: out = [u] + sum_{j<count} hNull_j K_j (terms with hNull_j = 0 left
 * out, the byte offset of K_j at kTable[j] as a float64; `linearCombination`, its scratch at coefs and terms); per
 * eigenvalue r, acc_r = [exp_r Y_0r] + sum_j (h D_jr Z_jr + hNull_j Y_jr) and outModal_r = [Y_0r] + sum_j hNull_j
 * W_jr (hNull_j != 0) + lambda_r acc_r (stage j of Y, W, Z and D at j rows); then out += B^T (V acc) (`gramAddBack`,
 * V acc into scratch). u = 0: no u; exp = 0: neither the exp(c h L) u term nor Y_0; outModal = 0: no modal output.
 */
export function exponentialStageCombine(
  n: i32,
  rows: i32,
  count: i32,
  h: f64,
  out: usize,
  u: usize,
  kTable: usize,
  hNull: usize,
  coefs: usize,
  terms: usize,
  acc: usize,
  scratch: usize,
  Y: usize,
  W: usize,
  Z: usize,
  D: usize,
  exp: usize,
  lambda: usize,
  V: usize,
  B: usize,
  outModal: usize,
): void {
  let c = 0;
  for (let j = 0; j < count; j++) {
    const nv = load<f64>(hNull + (<usize>j << 3));
    if (nv == 0.0) continue;
    store<f64>(coefs + (<usize>c << 3), nv);
    store<f64>(terms + (<usize>c << 3), load<f64>(kTable + (<usize>j << 3)));
    c++;
  }
  linearCombination(out, u, n, coefs, terms, c);
  for (let r = 0; r < rows; r++) {
    const at = <usize>r << 3;
    let a: f64 = exp == 0 ? 0.0 : load<f64>(exp + at) * load<f64>(Y + at);
    let m: f64 = exp == 0 ? 0.0 : load<f64>(Y + at);
    for (let j = 0; j < count; j++) {
      const nv = load<f64>(hNull + (<usize>j << 3));
      const q = <usize>(j * rows + r) << 3;
      if (nv != 0.0) m += nv * load<f64>(W + q);
      a = a + h * load<f64>(D + q) * load<f64>(Z + q) + nv * load<f64>(Y + q);
    }
    store<f64>(acc + at, a);
    if (outModal != 0) store<f64>(outModal + at, m + load<f64>(lambda + at) * a);
  }
  // scratch = V acc (each entry summed in order from 0)
  for (let i = 0; i < rows; i++) {
    const row = V + ((<usize>(i * rows)) << 3);
    let s: f64 = 0.0;
    for (let j = 0; j < rows; j++) s += load<f64>(row + (<usize>j << 3)) * load<f64>(acc + (<usize>j << 3));
    store<f64>(scratch + (<usize>i << 3), s);
  }
  addBackByRows(B, rows, n, scratch, out);
}

/** Longest n for which `addBackByRows` goes row by row (out stays in the L1 cache); `gramAddBack` above it. */
const BY_ROWS_MAX_N: i32 = 512;

/**
 * out += B^T v as `gramAddBack` (each out_j adds B_ij v_i for i in order from 0, rows with v_i = 0 skipped, so the
 * sums are bitwise the same), for short rows one row of B at a time: no test of v_i per entry.
 */
function addBackByRows(B: usize, rows: i32, n: i32, v: usize, out: usize): void {
  if (n > BY_ROWS_MAX_N) {
    gramAddBack(B, rows, n, v, out);
    return;
  }
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < rows; i++) {
    const vi = load<f64>(v + (<usize>i << 3));
    if (vi == 0.0) continue;
    const row = B + <usize>i * rowBytes;
    const a = f64x2.splat(vi);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const at = <usize>j << 3;
      v128.store(out + at, f64x2.add(v128.load(out + at), f64x2.mul(v128.load(row + at), a)));
    }
    if (j < n) {
      const at = <usize>j << 3;
      store<f64>(out + at, load<f64>(out + at) + load<f64>(row + at) * vi);
    }
  }
}

/**
 * The modal coordinates of a stage: scratch = B x (`gramProject`), w = V^T scratch (w_j = 0 + sum_i V_ij scratch_i in
 * order of i, terms with scratch_i = 0 left out), z = w + lambda y.
 */
export function exponentialStageProject(n: i32, rows: i32, B: usize, V: usize, lambda: usize, x: usize, scratch: usize, y: usize, w: usize, z: usize): void {
  gramProject(B, rows, n, x, scratch);
  for (let j = 0; j < rows; j++) {
    let s: f64 = 0.0;
    for (let i = 0; i < rows; i++) {
      const si = load<f64>(scratch + (<usize>i << 3));
      if (si != 0.0) s += load<f64>(V + ((<usize>(i * rows + j)) << 3)) * si;
    }
    const at = <usize>j << 3;
    store<f64>(w + at, s);
    store<f64>(z + at, s + load<f64>(lambda + at) * load<f64>(y + at));
  }
}

/**
 * The exponential coefficients' diagonal parts from their phi tables (src/integrators/ExponentialCoefficients.ts
 * `plan`): values[c rows + r] = 0 + sum_t (termScale_t h) table[termBase_t + r width] over the terms t of combination
 * c (termStart[c] <= t < termStart[c + 1]), in order; termStart and termBase hold integers as float64s.
 */
export function exponentialCoefficients(
  combos: i32,
  rows: i32,
  width: i32,
  h: f64,
  termStart: usize,
  termBase: usize,
  termScale: usize,
  table: usize,
  values: usize,
): void {
  const strideBytes = <usize>width << 3;
  let start = <i32>load<f64>(termStart);
  for (let c = 0; c < combos; c++) {
    const end = <i32>load<f64>(termStart + ((<usize>(c + 1)) << 3));
    const out = values + ((<usize>(c * rows)) << 3);
    memory.fill(out, 0, <usize>rows << 3);
    // term by term, each entry out_r += (termScale_t h) table[...]: per entry the same sum, in the same order
    for (let t = start; t < end; t++) {
      const at = <usize>t << 3;
      const scale = load<f64>(termScale + at) * h;
      let from = table + ((<usize>(<i32>load<f64>(termBase + at))) << 3);
      for (let r = 0; r < rows; r++) {
        const o = out + (<usize>r << 3);
        store<f64>(o, load<f64>(o) + scale * load<f64>(from));
        from += strideBytes;
      }
    }
    start = end;
  }
}
