import type { Decimal } from 'decimal.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { integerInRange } from '../validate/validators.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal, type DecimalInput } from './DecimalInput.js';
import { log10Abs } from './_internals/magnitude.js';

/** A quadratic model h(w) = h0 + G d + 1/2 Q[d, d] in the displacement d = w - w0, trained at scale alpha towards y* (read exactly). */
export interface QuadraticFlowParams {
  readonly n: number;
  readonly p: number;
  readonly h0: ArrayLike<DecimalInput>;
  /** n x p row-major. */
  readonly G: ArrayLike<DecimalInput>;
  /** n x p x p, Q_k[i][j] = Q[(k p + i) p + j], each Q_k symmetric. */
  readonly Q: ArrayLike<DecimalInput>;
  readonly yStar: ArrayLike<DecimalInput>;
  readonly alpha: DecimalInput;
}

/** Options of {@link TaylorQuadraticFlow}. */
export interface TaylorQuadraticOptions {
  /** Target relative accuracy 10^-digits of each step's truncation, an integer in [10, 200]. Default 30. */
  readonly digits?: number;
  /** Most Taylor steps before giving up with NtkSolveError('step-budget'). Default 2 000. */
  readonly maxSteps?: number;
}

/** The state of both flows at one time, at the working precision. */
export interface QuadraticFlowState {
  /** d(t) = w(t) - w0 and dbar(t) = wbar(t) - w0 (length p). */
  readonly d: readonly Decimal[];
  readonly dbar: readonly Decimal[];
  /** r(t) = y* - alpha h(w(t)) and rbar(t) = y* - alpha hbar(wbar(t)) (length n). */
  readonly r: readonly Decimal[];
  readonly rbar: readonly Decimal[];
}

/** One accepted step: its start, length, and the Taylor coefficients of d and dbar there (index [k][j]). */
interface Step {
  readonly t0: Decimal;
  readonly h: Decimal;
  readonly d: readonly (readonly Decimal[])[];
  readonly dbar: readonly (readonly Decimal[])[];
}

/** Working digits beyond the target: the rounding of the ~order^2 (n p) products of a step and of the step sum. */
const GUARD = 10;

/**
 * An independent high-precision reference for the gradient flow of a quadratic model and of its linearization:
 * `dw/dt = (1/alpha) J(w)^T r`, `r = y* - alpha h(w)`, `J(w) = G + Q[d, .]`, and `dwbar/dt = (1/alpha) G^T rbar`,
 * `rbar = y* - alpha (h0 + G dbar)`, integrated together by an adaptive Taylor-series method in decimal.js. The
 * vector field is a polynomial (cubic in d), so the Taylor coefficients follow from exact recurrences (automatic
 * differentiation by Cauchy products): with `M_m = Q[d_m, .]` (n x p),
 *   u_k = G d_k + 1/2 sum_{m <= k} M_m d_(k-m)             (h(w) - h0, order k)
 *   r_k = [k = 0] (y* - alpha h0) - alpha u_k
 *   J_k = [k = 0] G + M_k
 *   d_(k+1) = (1/alpha) sum_{m <= k} J_m^T r_(k-m) / (k + 1),
 * and for the linearization `rbar_k = [k = 0] (y* - alpha h0) - alpha G dbar_k`, `dbar_(k+1) = G^T rbar_k / (alpha (k+1))`.
 * Step control as in {@link taylorScalarFlow} (Jorba and Zou 2005, §3.2): order `N = ceil((digits + 2) ln 10 / 2) + 1`,
 * radius `rho` from the growth of the last two coefficients (max-norm over all components), step `rho / e^2`, so
 * the truncated tail of each step is below `e^(-2(N-1)) < 10^-(digits+2)` of the state's scale. Each step keeps its
 * coefficients: the solution at any t in [0, T] is a Horner evaluation (dense output of the same accuracy).
 *
 * It shares no code with the float solvers (no Runge-Kutta, no eigendecomposition). Cost per step
 * O(N n p^2 + N^2 n p) multiplications at `digits + 10` significant digits.
 *
 * Throws NtkInputError on bad input, NtkSolveError('step-budget') past `maxSteps`.
 */
export class TaylorQuadraticFlow {
  readonly digits: number;
  readonly order: number;
  readonly T: Decimal;
  readonly Decimal: Decimal.Constructor;
  readonly #steps: Step[] = [];
  /** States already evaluated, by the decimal string of t (a run asks for w(t), r(t), wbar(t), rbar(t) at one t). */
  readonly #states = new Map<string, QuadraticFlowState>();
  readonly #n: number;
  readonly #p: number;
  readonly #G: Decimal[];
  readonly #Q: Decimal[];
  readonly #alpha: Decimal;
  readonly #r0: Decimal[];

  constructor(params: QuadraticFlowParams, T: DecimalInput, options: TaylorQuadraticOptions = {}) {
    this.digits = integerInRange('digits', options.digits ?? 30, 10, 200);
    const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 2_000, 1, 1e9);
    const D = decimalContext(this.digits + GUARD);
    this.Decimal = D;
    const { n, p } = params;
    this.#n = n;
    this.#p = p;
    const vec = (name: string, x: ArrayLike<DecimalInput>) => Array.from(x, (v, i) => readDecimal(`${name}[${i}]`, v, D));
    this.#G = vec('G', params.G);
    this.#Q = vec('Q', params.Q);
    this.#alpha = readDecimal('alpha', params.alpha, D, 'positive');
    const h0 = vec('h0', params.h0);
    const yStar = vec('yStar', params.yStar);
    this.#r0 = yStar.map((y, k) => y.minus(this.#alpha.times(h0[k] as Decimal)));
    this.T = readDecimal('T', T, D, 'nonNegative');
    this.order = Math.ceil(((this.digits + 2) * Math.LN10) / 2) + 1;
    this.#integrate(maxSteps);
  }

  /** Number of Taylor steps taken on [0, T]. */
  get steps(): number {
    return this.#steps.length;
  }

  /** The state of both flows at time t in [0, T] (Horner evaluation of the step that contains t). */
  at(t: DecimalInput): QuadraticFlowState {
    const D = this.Decimal;
    const time = readDecimal('t', t, D, 'nonNegative');
    const key = time.toString();
    const known = this.#states.get(key);
    if (known !== undefined) return known;
    const zero = () => Array.from({ length: this.#p }, () => new D(0));
    let d = zero();
    let dbar = zero();
    const step = this.#steps.find((s, i) => i === this.#steps.length - 1 || time.lt(s.t0.plus(s.h)));
    if (step !== undefined) {
      const tau = time.minus(step.t0);
      d = horner(step.d, tau);
      dbar = horner(step.dbar, tau);
    }
    const state = { d, dbar, r: this.#residual(d), rbar: this.#linearResidual(dbar) };
    this.#states.set(key, state);
    return state;
  }

  /** r = y* - alpha h(w) = r0 - alpha (G d + 1/2 Q[d, d]). */
  #residual(d: readonly Decimal[]): Decimal[] {
    const u = this.#gTimes(d);
    const M = this.#qTimes(d);
    return this.#r0.map((r0, k) => r0.minus(this.#alpha.times((u[k] as Decimal).plus(dotRow(M, k, this.#p, d).div(2)))));
  }

  /** rbar = r0 - alpha G dbar. */
  #linearResidual(dbar: readonly Decimal[]): Decimal[] {
    const u = this.#gTimes(dbar);
    return this.#r0.map((r0, k) => r0.minus(this.#alpha.times(u[k] as Decimal)));
  }

  /** G x (length n). */
  #gTimes(x: readonly Decimal[]): Decimal[] {
    const D = this.Decimal;
    return Array.from({ length: this.#n }, (_, k) => {
      let s = new D(0);
      for (let j = 0; j < this.#p; j++) if (!(x[j] as Decimal).isZero()) s = s.plus((this.#G[k * this.#p + j] as Decimal).times(x[j] as Decimal));
      return s;
    });
  }

  /** Q[x, .] (n x p row-major). */
  #qTimes(x: readonly Decimal[]): Decimal[] {
    const D = this.Decimal;
    const p = this.#p;
    const out: Decimal[] = [];
    for (let k = 0; k < this.#n; k++) {
      for (let i = 0; i < p; i++) {
        const row = (k * p + i) * p;
        let s = new D(0);
        for (let j = 0; j < p; j++) if (!(x[j] as Decimal).isZero()) s = s.plus((this.#Q[row + j] as Decimal).times(x[j] as Decimal));
        out.push(s);
      }
    }
    return out;
  }

  /** Taylor coefficients d_0..d_N and dbar_0..dbar_N at a step start. */
  #coefficients(d0: readonly Decimal[], dbar0: readonly Decimal[]): { d: Decimal[][]; dbar: Decimal[][] } {
    const D = this.Decimal;
    const n = this.#n;
    const p = this.#p;
    const invAlpha = new D(1).div(this.#alpha);
    const d: Decimal[][] = [[...d0]];
    const dbar: Decimal[][] = [[...dbar0]];
    const M: Decimal[][] = [];
    const r: Decimal[][] = [];
    for (let k = 0; k < this.order; k++) {
      const dk = d[k] as Decimal[];
      M.push(this.#qTimes(dk));
      const gd = this.#gTimes(dk);
      // r_k = [k = 0] r0 - alpha (G d_k + 1/2 sum_m M_m d_(k-m))
      r.push(
        Array.from({ length: n }, (_, kk) => {
          let quad = new D(0);
          for (let m = 0; m <= k; m++) quad = quad.plus(dotRow(M[m] as Decimal[], kk, p, d[k - m] as Decimal[]));
          const u = (gd[kk] as Decimal).plus(quad.div(2));
          const ru = this.#alpha.times(u).neg();
          return k === 0 ? (this.#r0[kk] as Decimal).plus(ru) : ru;
        }),
      );
      // f_k = (1/alpha) sum_m J_m^T r_(k-m), J_0 = G + M_0, J_m = M_m
      const next = Array.from({ length: p }, (_, j) => {
        let s = new D(0);
        for (let m = 0; m <= k; m++) {
          const Mm = M[m] as Decimal[];
          const rk = r[k - m] as Decimal[];
          for (let kk = 0; kk < n; kk++) {
            const jac = m === 0 ? (this.#G[kk * p + j] as Decimal).plus(Mm[kk * p + j] as Decimal) : (Mm[kk * p + j] as Decimal);
            s = s.plus(jac.times(rk[kk] as Decimal));
          }
        }
        return s.times(invAlpha).div(k + 1);
      });
      d.push(next);
      const dbarK = dbar[k] as Decimal[];
      const rbarK = k === 0 ? this.#linearResidual(dbarK) : this.#gTimes(dbarK).map((x) => this.#alpha.times(x).neg());
      const gtr = Array.from({ length: p }, (_, j) => {
        let s = new D(0);
        for (let kk = 0; kk < n; kk++) s = s.plus((this.#G[kk * p + j] as Decimal).times(rbarK[kk] as Decimal));
        return s.times(invAlpha).div(k + 1);
      });
      dbar.push(gtr);
    }
    return { d, dbar };
  }

  #integrate(maxSteps: number): void {
    const D = this.Decimal;
    const N = this.order;
    let t = new D(0);
    let d: Decimal[] = Array.from({ length: this.#p }, () => new D(0));
    let dbar: Decimal[] = Array.from({ length: this.#p }, () => new D(0));
    while (t.lt(this.T)) {
      if (this.#steps.length === maxSteps) throw new NtkSolveError('step-budget', `${maxSteps} Taylor steps`, { t: t.toNumber(), steps: maxSteps });
      const c = this.#coefficients(d, dbar);
      const log = (k: number) => Math.max(maxLog(c.d[k] as Decimal[]), maxLog(c.dbar[k] as Decimal[]));
      const log1 = log(1);
      const rest = this.T.minus(t);
      let h = rest;
      if (log1 !== -Infinity) {
        const log0 = log(0);
        // log10 of the radius: relative to the increment, (|c_1|/|c_j|)^(1/(j-1)), or to the state, (|c_0|/|c_j|)^(1/j).
        const radii = [N - 1, N].flatMap((j) => {
          const lj = log(j);
          return lj === -Infinity ? [] : [Math.max((log1 - lj) / (j - 1), (log0 - lj) / j)];
        });
        const log10Rho = radii.length > 0 ? Math.min(...radii) : Infinity;
        if (Number.isFinite(log10Rho)) {
          const proposal = D.pow(10, log10Rho - 2 / Math.LN10);
          if (proposal.lt(rest)) h = proposal;
        }
      }
      this.#steps.push({ t0: t, h, d: c.d, dbar: c.dbar });
      d = horner(c.d, h);
      dbar = horner(c.dbar, h);
      t = h === rest ? this.T : t.plus(h);
    }
  }
}

/** sum_k c_k tau^k, componentwise (c indexed [k][j]). */
function horner(c: readonly (readonly Decimal[])[], tau: Decimal): Decimal[] {
  const last = c[c.length - 1] as readonly Decimal[];
  const out = [...last];
  for (let k = c.length - 2; k >= 0; k--) {
    const ck = c[k] as readonly Decimal[];
    for (let j = 0; j < out.length; j++) out[j] = (out[j] as Decimal).times(tau).plus(ck[j] as Decimal);
  }
  return out;
}

/** Row k of an n x p matrix dotted with x. */
function dotRow(M: readonly Decimal[], k: number, p: number, x: readonly Decimal[]): Decimal {
  let s = (M[k * p] as Decimal).times(x[0] as Decimal);
  for (let j = 1; j < p; j++) s = s.plus((M[k * p + j] as Decimal).times(x[j] as Decimal));
  return s;
}

/** max_j log10 |x_j| (-Infinity when all are 0). */
function maxLog(x: readonly Decimal[]): number {
  let best = -Infinity;
  for (const v of x) best = Math.max(best, log10Abs(v));
  return best;
}
