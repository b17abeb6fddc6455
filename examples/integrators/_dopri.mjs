/**
 * An adaptive Dormand-Prince 5(4) solver, as a user might write one from the published tableau (shared by the
 * adaptive examples; files starting with `_` are helpers, not audit subjects). The correct solver is
 * `dopri({})`; each option plants one defect of the broken examples.
 *
 * J. R. Dormand & P. J. Prince, "A family of embedded Runge-Kutta formulae", J. Comput. Appl. Math. 6 (1980)
 * 19-26 (Table 2, the coefficients RK5(4)7M); step control as in Hairer, Norsett & Wanner, *Solving ODEs I*,
 * Sec. II.4: err = sqrt(1/n sum_i (e_i / (atol + rtol max(|y_i|, |y1_i|)))^2), accept when err <= 1, and
 * h_new = h min(5, max(0.2, 0.9 err^(-1/5))).
 */
const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
/** Fifth-order weights (the propagated solution; equal to the last row of A: first same as last). */
const B = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0];
/** Fourth-order embedded weights: y1 - yhat1 estimates the local error. */
export const BHAT = [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40];

/**
 * `defects`: `squaredNorm` (the error norm without its square root), `neverReject` (every step is accepted),
 * `ignoreAtol` (the scale is rtol |y| only), `bHat` (other embedded weights).
 */
export function dopri(name, defects = {}) {
  const bHat = defects.bHat ?? BHAT;
  const E = B.map((b, i) => b - bHat[i]);
  return {
    name,
    order: 5,
    adaptive: true,
    solve(f, t0, y0, t1, { rtol, atol }) {
      const n = y0.length;
      const dir = Math.sign(t1 - t0);
      let t = t0;
      let y = Array.from(y0);
      let k1 = f(t, y);
      let evaluations = 1;
      let errorEstimate = 0;
      let accepted = 0;
      let rejected = 0;
      // Initial step: Hairer & Wanner II.4, the h with h^5 ||y'|| about the tolerance, capped by the interval.
      const scale0 = y.map((v) => atol + rtol * Math.abs(v));
      const d1 = Math.sqrt(k1.reduce((s, v, i) => s + (v / scale0[i]) ** 2, 0) / n);
      let h = Math.min(Math.abs(t1 - t0), d1 > 1e-5 ? 0.01 / d1 : 1e-6 * Math.abs(t1 - t0) + 1e-6);
      while (dir * (t1 - t) > 0) {
        if (Math.abs(t1 - t) < 1.01 * h) h = Math.abs(t1 - t);
        const hs = dir * h;
        const k = [k1];
        let y1 = y;
        for (let s = 1; s < 7; s++) {
          // The last stage is y1 itself (A's last row is B): its slope is the next step's k1.
          y1 = y.map((v, j) => v + hs * A[s].reduce((acc, a, l) => acc + a * k[l][j], 0));
          k.push(f(t + C[s] * hs, y1));
          evaluations++;
        }
        const e = y.map((_, j) => hs * E.reduce((acc, w, s) => acc + w * k[s][j], 0));
        const sum = e.reduce((acc, ej, j) => acc + (ej / ((defects.ignoreAtol ? 0 : atol) + rtol * Math.max(Math.abs(y[j]), Math.abs(y1[j])))) ** 2, 0) / n;
        const err = defects.squaredNorm ? sum : Math.sqrt(sum);
        if (err <= 1 || defects.neverReject) {
          t = h === Math.abs(t1 - t) ? t1 : t + hs;
          y = y1;
          k1 = k[6];
          errorEstimate += Math.sqrt(e.reduce((acc, ej) => acc + ej * ej, 0));
          accepted++;
        } else {
          rejected++;
        }
        h *= Math.min(5, Math.max(0.2, err === 0 ? 5 : 0.9 * err ** -0.2));
      }
      return { y, evaluations, errorEstimate, acceptedSteps: accepted, rejectedSteps: rejected };
    },
  };
}
