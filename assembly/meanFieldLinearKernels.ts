// The exponential path's linear part for mean-field nets (src/kernels/MeanFieldLinearPart.ts): the products with
// B = J(w) taken from the activation data, no n x p matrix. With s_ij = (n m)^(-1/2) sigma(z_ij) (S, m x n) and
// c_ij = n^(-1/2) a_i sigma'(z_ij) (C, m x n), x the inputs (n x dim), x^T (dim x n):
//   (B y)_j = sum_i s_ij y_(a_i) + c_ij <y_(u_i), x_j>,  (B^T v)_(a_i) = sum_j s_ij v_j,  (B^T v)_(u_i) = sum_j c_ij v_j x_j,
//   (B B^T)_jk = sum_i s_ij s_ik + c_ij c_ik <x_j, x_k>.
// The TypeScript twin is src/kernels/meanFieldLinearProducts.ts: every sum runs in the same order there (f64x2 lanes
// hold independent sums only), so the two agree bit for bit. No fused multiply-add.

/**
 * S and C from the activations: on entry S holds sigma(z_ij) (`meanFieldActivations`); on exit S_ij = cA sigma_ij and
 * C_ij = (cU a_i) sigma'_ij, a_i = w0_i + dd_i, sigma' from the value (kind 0: s (1 - s), 1: 1 - s^2).
 */
export function meanFieldLinearFactors(kind: i32, m: i32, n: i32, cA: f64, cU: f64, w0: usize, dd: usize, S: usize, C: usize): void {
  for (let i = 0; i < m; i++) {
    const at = <usize>i << 3;
    const ca = cU * (load<f64>(w0 + at) + load<f64>(dd + at));
    const row = (<usize>i * <usize>n) << 3;
    for (let j = 0; j < n; j++) {
      const q = row + (<usize>j << 3);
      const s = load<f64>(S + q);
      const slope = kind == 0 ? s * (1.0 - s) : 1.0 - s * s;
      store<f64>(C + q, ca * slope);
      store<f64>(S + q, cA * s);
    }
  }
}

/**
 * out = B y (n entries): out_j = 0, then for i in order from 0, out_j += s_ij y_(a_i) + c_ij t_ij with
 * t_ij = sum_k y_(u_ik) x^T_kj (k in order from 0). Eight j at a time (four lane pairs, their sums kept in registers
 * over all i), then two, then a last odd-n j on one lane: per entry the same sums in the same order.
 */
export function meanFieldLinearProject(m: i32, n: i32, dim: i32, S: usize, C: usize, xT: usize, y: usize, out: usize): void {
  const rowBytes = <usize>n << 3;
  const U = y + (<usize>m << 3);
  const dimBytes = <usize>dim << 3;
  let j = 0;
  for (; j + 7 < n; j += 8) {
    const at = <usize>j << 3;
    let o0 = f64x2.splat(0.0);
    let o1 = f64x2.splat(0.0);
    let o2 = f64x2.splat(0.0);
    let o3 = f64x2.splat(0.0);
    for (let i = 0; i < m; i++) {
      const yav = v128.load64_splat(y + (<usize>i << 3));
      const uo = U + <usize>i * dimBytes;
      let t0 = f64x2.splat(0.0);
      let t1 = f64x2.splat(0.0);
      let t2 = f64x2.splat(0.0);
      let t3 = f64x2.splat(0.0);
      let xk = xT + at;
      for (let k = 0; k < dim; k++) {
        const u = v128.load64_splat(uo + (<usize>k << 3));
        t0 = f64x2.add(t0, f64x2.mul(u, v128.load(xk)));
        t1 = f64x2.add(t1, f64x2.mul(u, v128.load(xk, 16)));
        t2 = f64x2.add(t2, f64x2.mul(u, v128.load(xk, 32)));
        t3 = f64x2.add(t3, f64x2.mul(u, v128.load(xk, 48)));
        xk += rowBytes;
      }
      const sr = S + <usize>i * rowBytes + at;
      const cr = C + <usize>i * rowBytes + at;
      o0 = f64x2.add(o0, f64x2.add(f64x2.mul(v128.load(sr), yav), f64x2.mul(v128.load(cr), t0)));
      o1 = f64x2.add(o1, f64x2.add(f64x2.mul(v128.load(sr, 16), yav), f64x2.mul(v128.load(cr, 16), t1)));
      o2 = f64x2.add(o2, f64x2.add(f64x2.mul(v128.load(sr, 32), yav), f64x2.mul(v128.load(cr, 32), t2)));
      o3 = f64x2.add(o3, f64x2.add(f64x2.mul(v128.load(sr, 48), yav), f64x2.mul(v128.load(cr, 48), t3)));
    }
    v128.store(out + at, o0);
    v128.store(out + at, o1, 16);
    v128.store(out + at, o2, 32);
    v128.store(out + at, o3, 48);
  }
  for (; j + 1 < n; j += 2) {
    const at = <usize>j << 3;
    let o = f64x2.splat(0.0);
    for (let i = 0; i < m; i++) {
      const uo = U + <usize>i * dimBytes;
      let t = f64x2.splat(0.0);
      let xk = xT + at;
      for (let k = 0; k < dim; k++) {
        t = f64x2.add(t, f64x2.mul(v128.load64_splat(uo + (<usize>k << 3)), v128.load(xk)));
        xk += rowBytes;
      }
      const term = f64x2.add(f64x2.mul(v128.load(S + <usize>i * rowBytes + at), v128.load64_splat(y + (<usize>i << 3))), f64x2.mul(v128.load(C + <usize>i * rowBytes + at), t));
      o = f64x2.add(o, term);
    }
    v128.store(out + at, o);
  }
  if (j < n) {
    const at = <usize>j << 3;
    let o: f64 = 0.0;
    for (let i = 0; i < m; i++) {
      const uo = U + <usize>i * dimBytes;
      let t: f64 = 0.0;
      for (let k = 0; k < dim; k++) t += load<f64>(uo + (<usize>k << 3)) * load<f64>(xT + <usize>k * rowBytes + at);
      o = o + (load<f64>(S + <usize>i * rowBytes + at) * load<f64>(y + (<usize>i << 3)) + load<f64>(C + <usize>i * rowBytes + at) * t);
    }
    store<f64>(out + at, o);
  }
}

/**
 * out += B^T v (m (dim + 1) entries): out_(a_i) += sum_j s_ij v_j (j in order from 0, from 0); out_(u_ik) +=
 * sum_j g_j x_jk with g_j = c_ij v_j (j in order from 0, from 0): for dim = 8 two neurons at a time, all their k in
 * lane pairs kept in registers; otherwise two k per lane pair, then a last odd-dim k on one lane.
 */
export function meanFieldLinearAddBack(m: i32, n: i32, dim: i32, S: usize, C: usize, x: usize, v: usize, out: usize): void {
  const rowBytes = <usize>n << 3;
  const xRowBytes = <usize>dim << 3;
  let i = 0;
  // neurons i and i + 1 together where dim = 8 (sharing the loads of x), the rest one at a time
  if (dim == 8) {
    for (; i + 1 < m; i += 2) {
      addBackA(n, S, v, out, i);
      addBackA(n, S, v, out, i + 1);
      const c1 = C + <usize>i * rowBytes;
      const c2 = c1 + rowBytes;
      let a0 = f64x2.splat(0.0);
      let a1 = f64x2.splat(0.0);
      let a2 = f64x2.splat(0.0);
      let a3 = f64x2.splat(0.0);
      let b0 = f64x2.splat(0.0);
      let b1 = f64x2.splat(0.0);
      let b2 = f64x2.splat(0.0);
      let b3 = f64x2.splat(0.0);
      let xj = x;
      for (let j = 0; j < n; j++) {
        const jt = <usize>j << 3;
        const vj = load<f64>(v + jt);
        const g = f64x2.splat(load<f64>(c1 + jt) * vj);
        const h = f64x2.splat(load<f64>(c2 + jt) * vj);
        const x0 = v128.load(xj);
        const x1 = v128.load(xj, 16);
        const x2 = v128.load(xj, 32);
        const x3 = v128.load(xj, 48);
        a0 = f64x2.add(a0, f64x2.mul(g, x0));
        a1 = f64x2.add(a1, f64x2.mul(g, x1));
        a2 = f64x2.add(a2, f64x2.mul(g, x2));
        a3 = f64x2.add(a3, f64x2.mul(g, x3));
        b0 = f64x2.add(b0, f64x2.mul(h, x0));
        b1 = f64x2.add(b1, f64x2.mul(h, x1));
        b2 = f64x2.add(b2, f64x2.mul(h, x2));
        b3 = f64x2.add(b3, f64x2.mul(h, x3));
        xj += xRowBytes;
      }
      const o = out + ((<usize>m + <usize>i * 8) << 3);
      v128.store(o, f64x2.add(v128.load(o), a0));
      v128.store(o, f64x2.add(v128.load(o, 16), a1), 16);
      v128.store(o, f64x2.add(v128.load(o, 32), a2), 32);
      v128.store(o, f64x2.add(v128.load(o, 48), a3), 48);
      v128.store(o, f64x2.add(v128.load(o, 64), b0), 64);
      v128.store(o, f64x2.add(v128.load(o, 80), b1), 80);
      v128.store(o, f64x2.add(v128.load(o, 96), b2), 96);
      v128.store(o, f64x2.add(v128.load(o, 112), b3), 112);
    }
  }
  for (; i < m; i++) {
    addBackA(n, S, v, out, i);
    const cr = C + <usize>i * rowBytes;
    const uo = out + ((<usize>m + <usize>i * <usize>dim) << 3);
    let k = 0;
    for (; k + 1 < dim; k += 2) {
      const at = <usize>k << 3;
      let acc = f64x2.splat(0.0);
      let xj = x + at;
      for (let j = 0; j < n; j++) {
        const jt = <usize>j << 3;
        acc = f64x2.add(acc, f64x2.mul(f64x2.splat(load<f64>(cr + jt) * load<f64>(v + jt)), v128.load(xj)));
        xj += xRowBytes;
      }
      v128.store(uo + at, f64x2.add(v128.load(uo + at), acc));
    }
    if (k < dim) {
      const at = <usize>k << 3;
      let acc: f64 = 0.0;
      for (let j = 0; j < n; j++) {
        const jt = <usize>j << 3;
        acc += load<f64>(cr + jt) * load<f64>(v + jt) * load<f64>(x + <usize>j * xRowBytes + at);
      }
      store<f64>(uo + at, load<f64>(uo + at) + acc);
    }
  }
}

/** out_(a_i) += sum_j s_ij v_j (j in order from 0, from 0). */
@inline
function addBackA(n: i32, S: usize, v: usize, out: usize, i: i32): void {
  const sr = S + ((<usize>i * <usize>n) << 3);
  let sa: f64 = 0.0;
  for (let j = 0; j < n; j++) {
    const at = <usize>j << 3;
    sa += load<f64>(sr + at) * load<f64>(v + at);
  }
  const ao = out + (<usize>i << 3);
  store<f64>(ao, load<f64>(ao) + sa);
}

/**
 * out = B B^T (n x n, both triangles): for j <= k, out_jk = 0, then for i in order from 0, out_jk += s_ij s_ik +
 * (c_ij c_ik) G_jk, G = x x^T (n x n, given); mirrored to out_kj.
 */
export function meanFieldLinearGram(m: i32, n: i32, S: usize, C: usize, G: usize, out: usize): void {
  memory.fill(out, 0, (<usize>n * <usize>n) << 3);
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < m; i++) {
    const sr = S + <usize>i * rowBytes;
    const cr = C + <usize>i * rowBytes;
    for (let j = 0; j < n; j++) {
      const sj = load<f64>(sr + (<usize>j << 3));
      const cj = load<f64>(cr + (<usize>j << 3));
      const orow = out + <usize>j * rowBytes;
      const grow = G + <usize>j * rowBytes;
      for (let k = j; k < n; k++) {
        const at = <usize>k << 3;
        store<f64>(orow + at, load<f64>(orow + at) + (sj * load<f64>(sr + at) + cj * load<f64>(cr + at) * load<f64>(grow + at)));
      }
    }
  }
  for (let j = 0; j < n; j++) for (let k = j + 1; k < n; k++) store<f64>(out + ((<usize>(k * n + j)) << 3), load<f64>(out + ((<usize>(j * n + k)) << 3)));
}
