import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { finiteNumber, finiteVector, integerInRange, nonNegativeNumber, positiveNumber } from '../validate/validators.js';
import { DenseRecorder } from './_internals/DenseRecorder.js';
import { StepController } from './_internals/StepController.js';
import type { DenseSolution } from './DenseSolution.js';
import type { Rhs } from './Rhs.js';
import { RkWorkspace } from './RkWorkspace.js';
import { rkStep } from './rkStep.js';
import { selectInitialStep } from './selectInitialStep.js';
import type { Tableau } from './Tableau.js';
import type { VectorArena } from './VectorArena.js';

/** Options of {@link integrateAdaptive}. */
export interface AdaptiveOptions {
  /** Relative tolerance, in (0, 1). */
  readonly rtol: number;
  /** Absolute tolerance >= 0: one number, or one per component (length n). */
  readonly atol: number | Float64Array | readonly number[];
  /** Budget of step attempts (accepted + rejected), integer in [1, 1e9]. Default 1e6. */
  readonly maxSteps?: number;
  /** First trial step (> 0; clipped to t1 - t0). Default: Hairer's starting step (`selectInitialStep`). */
  readonly h0?: number;
  /**
   * An a-priori Euclidean size of y(t) - y0 over [t0, t1] (> 0; a bound or an estimate) for the starting step
   * (`selectInitialStep`'s `scale`): give it when y0 = 0, as for a displacement, whose zero size would make the
   * first step 1e-4 and the next ones grow 10x at a time. Unused with h0. Default: none.
   */
  readonly scale?: number;
  /** Record a {@link DenseSolution} over [t0, t1]. Default false. */
  readonly dense?: boolean;
  /**
   * Called after each accepted step with the new time, the new state (the solver's own buffer: read it during
   * the call, never keep or modify it) and the step's scaled error norm (<= 1).
   */
  readonly onStep?: (t: number, y: Float64Array, errorNorm: number) => void;
  /**
   * Stop early once the problem has become stiff for this method, by Hairer's test (DOPRI5, `iasti`/`nonsti`;
   * Hairer & Wanner, *Solving ODEs II*, Sec. IV.2): after each accepted step h rho is estimated from the last two
   * stages, which share the node c = 1 (rho = |k_s - k_(s-1)| / |y_new - Y_(s-1)|, a Lipschitz estimate along the
   * step); `steps` consecutive estimates above `limit` (a reset after 6 below it) mean the step size is set by
   * stability, not accuracy. The solve then stops if at least `steps` more such steps would remain. Only for FSAL
   * tableaus whose last two nodes are 1 (dopri5). Default: off (limit 2.5, steps 15 when on). Hairer's DOPRI5 uses
   * 3.25 (its stability interval is [-3.3, 0]); the step controller here settles at h rho ~ 2.8 on stiff problems, so
   * the limit sits below that and above the h rho ~ 1 of accuracy-limited steps.
   */
  readonly stiffness?: { readonly limit?: number; readonly steps?: number };
  /**
   * Keep the state, the stages and the other work vectors in this arena, whose combinations run natively (the
   * WebAssembly heap of the flow kernels, `src/kernels/WasmVectors.ts`, where the fused right-hand sides also read
   * and write them in place). The results are bitwise those without. f must not allocate in the arena.
   */
  readonly arena?: VectorArena;
}

/** Result of {@link integrateAdaptive}. */
export interface AdaptiveResult {
  /** The end time, reached exactly. */
  readonly t1: number;
  /** y(t1) (a fresh array). */
  readonly y: Float64Array;
  /** Accepted steps. */
  readonly steps: number;
  /** Rejected step attempts. */
  readonly rejected: number;
  /** Calls of f, including the starting-step selection. */
  readonly rhsEvaluations: number;
  /** Present exactly when `options.dense` (a one-point solution when t1 = t0). */
  readonly dense?: DenseSolution;
  /** True when `options.stiffness` stopped the solve early: then `t1` is the time reached, before the requested end. */
  readonly stoppedStiff?: boolean;
}

function checkedAtol(value: AdaptiveOptions['atol'], n: number): Float64Array {
  if (typeof value === 'number') return new Float64Array(n).fill(nonNegativeNumber('options.atol', value));
  const atol = finiteVector('options.atol', value, n);
  atol.forEach((a, i) => {
    nonNegativeNumber(`options.atol[${i}]`, a);
  });
  return atol;
}

/** The arguments of {@link integrateAdaptive}, with options of type O (its overloads differ in them only). */
type AdaptiveArguments<O> = [tableau: Tableau, f: Rhs, t0: number, y0: Float64Array | readonly number[], t1: number, options: O];

/** {@link integrateAdaptive} asked for `dense: true`: the result always carries its dense output (one point when t1 = t0). */
export function integrateAdaptive(...args: AdaptiveArguments<AdaptiveOptions & { readonly dense: true }>): AdaptiveResult & { readonly dense: DenseSolution };
/**
 * Integrate y' = f(t, y), y(t0) = y0 on [t0, t1] with an embedded Runge-Kutta pair (Dormand-Prince 5(4) for
 * most uses) and error-per-step control, as Hairer & Wanner's DOPRI5 and scipy's `RungeKutta` solver
 * (Hairer, Norsett & Wanner, *Solving ODEs I*, Sec. II.4): local extrapolation (the step advances with `b`),
 * Hairer's RMS error norm (`errorNorm`, `errorNormDop853` for DOP853), starting step by {@link selectInitialStep}, standard control
 * h <- h min(10, max(0.2, 0.9 err^(-1/(q+1)))) with q the embedded order and no growth right after a rejection,
 * FSAL reuse, exact landing on t1 (a step within 1% of the end is stretched to it, as in DOPRI5).
 *
 * Throws {@link NtkInputError} for a tableau without `bHat`, t0/t1 not finite, t1 < t0, y0 not a non-empty
 * finite vector, rtol not in (0, 1), atol negative or of the wrong length, bad maxSteps or h0; and
 * {@link NtkSolveError}: 'non-finite' as soon as a stage, state or derivative is not finite (no retry with a
 * smaller step), 'step-budget' when more than maxSteps attempts would be needed, 'step-underflow' when the step
 * falls below 10 ulp of t. t1 = t0 returns a copy of y0 without calling f.
 */
export function integrateAdaptive(...args: AdaptiveArguments<AdaptiveOptions>): AdaptiveResult;
export function integrateAdaptive(
  tableau: Tableau,
  f: Rhs,
  t0: number,
  y0: Float64Array | readonly number[],
  t1: number,
  options: AdaptiveOptions,
): AdaptiveResult {
  if (tableau.bHat === undefined || tableau.embeddedOrder === undefined) {
    throw new NtkInputError('tableau', tableau.name, 'an embedded pair (a tableau with bHat)');
  }
  finiteNumber('t0', t0);
  finiteNumber('t1', t1);
  if (!(t1 >= t0)) throw new NtkInputError('t1', t1, `>= t0=${t0}`);
  const yInitial = finiteVector('y0', y0);
  const n = yInitial.length;
  const rtol = finiteNumber('options.rtol', options.rtol);
  if (!(rtol > 0 && rtol < 1)) throw new NtkInputError('options.rtol', rtol, 'a number in (0, 1)');
  const atol = checkedAtol(options.atol, n);
  const maxSteps = integerInRange('options.maxSteps', options.maxSteps ?? 1_000_000, 1, 1e9);
  const h0 = options.h0 === undefined ? undefined : positiveNumber('options.h0', options.h0);
  const scale = options.scale === undefined ? {} : { scale: positiveNumber('options.scale', options.scale) };
  const { onStep } = options;
  const stiffLimit = options.stiffness === undefined ? undefined : positiveNumber('options.stiffness.limit', options.stiffness.limit ?? 2.5);
  const stiffSteps = integerInRange('options.stiffness.steps', options.stiffness?.steps ?? 15, 1, 1e6);

  const ws = new RkWorkspace(tableau, n, options.arena);
  try {
    let y = ws.state(yInitial); // swaps buffers with ws.yNew at each accepted step
    const recorder = options.dense === true ? new DenseRecorder(ws, t0, y) : undefined;
    // the result's y: a fresh array (the arena's vectors are released with the workspace)
    const final = (): Float64Array => (options.arena === undefined ? y : Float64Array.from(y));
    if (t1 === t0) return { t1, y: final(), steps: 0, rejected: 0, rhsEvaluations: 0, ...(recorder ? { dense: recorder.finish() } : {}) };

    const { stages: s, fsal, errorOrder = tableau.embeddedOrder, c } = ws.tableau;
    if (stiffLimit !== undefined && !(fsal && s >= 3 && c[s - 1] === 1 && c[s - 2] === 1)) {
      throw new NtkInputError('options.stiffness', options.stiffness, `unsupported by tableau ${tableau.name} (needs FSAL with the last two nodes at 1)`);
    }
    let stiffCount = 0;
    let nonStiffCount = 0;
    let t = t0;
    let control: StepController | undefined; // created once the starting step is known
    const fail = (reason: 'non-finite', detail: string, at = t): never => {
      throw new NtkSolveError(reason, detail, { t: at, steps: control?.steps ?? 0 });
    };

    f(t0, y, ws.k[0] as Float64Array);
    let rhsEvaluations = 1;
    if (!ws.allFinite(ws.k[0] as Float64Array)) fail('non-finite', 'f(t0, y0) is not finite');
    let hStart: number;
    if (h0 === undefined) {
      const start = selectInitialStep({
        f,
        t0,
        y0: y,
        f0: ws.k[0] as Float64Array,
        span: t1 - t0,
        errorOrder,
        rtol,
        atol,
        ...scale,
        work: ws.initialStepWork(rtol, atol),
      });
      hStart = start.h;
      rhsEvaluations += start.rhsEvaluations;
    } else hStart = Math.min(h0, t1 - t0);
    control = new StepController(hStart, t1, errorOrder, maxSteps);

    while (t < t1) {
      const { h, lands } = control.next(t);

      rkStep(ws, f, t, y, h, false);
      rhsEvaluations += s - 1;
      if (options.arena !== undefined && !options.arena.intact(y))
        throw new Error('integrateAdaptive: the vector arena moved during the solve (f allocated in it)');
      // the error estimates, their norm and the checks (with Hairer's stiffness estimate from the last two stages, both
      // at t + h, and their arguments), in one pass over the arena's vectors
      const check = ws.checkStep(y, h, rtol, atol, stiffLimit !== undefined);
      const err = check.errorNorm;
      if (!check.finite) fail('non-finite', `non-finite stage or state in a step of size h=${h}`);

      if (err <= 1) {
        const tNew = lands ? t1 : t + h;
        const fNew = ws.nextDerivative();
        if (!fsal) {
          f(tNew, ws.yNew, fNew);
          rhsEvaluations += 1;
        }
        if (!(fsal ? check.derivativeFinite : ws.allFinite(fNew))) fail('non-finite', 'f is not finite at the new state', tNew);
        const hRho = h * check.rho; // 0 without the stiffness test
        if (recorder !== undefined) {
          rhsEvaluations += recorder.record(f, t, h, y, tNew, fNew);
          if (!ws.kExtra.every((v) => ws.allFinite(v))) fail('non-finite', 'f is not finite at an extra stage of the dense output', t);
        }
        y = ws.acceptState(y);
        t = tNew;
        control.accept(err);
        ws.advance();
        onStep?.(t, y, err);
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent: without stiffness hRho = 0 and `0 > undefined` is false, so only the counters move (never read then); at t = t1 the stop test has (t1 - t) = 0 and the loop ends
        if (stiffLimit !== undefined && t < t1) {
          if (hRho > stiffLimit) {
            nonStiffCount = 0;
            stiffCount += 1;
            // stop only when at least as many stability-limited steps remain as it took to detect them
            if (stiffCount >= stiffSteps && ((t1 - t) * hRho) / h > stiffLimit * stiffSteps)
              return {
                t1: t,
                y: final(),
                steps: control.steps,
                rejected: control.rejected,
                rhsEvaluations,
                stoppedStiff: true,
                ...(recorder ? { dense: recorder.finish() } : {}),
              };
          } else if (++nonStiffCount >= 6) stiffCount = 0;
        }
      } else {
        control.reject(err);
      }
    }
    return { t1, y: final(), steps: control.steps, rejected: control.rejected, rhsEvaluations, ...(recorder ? { dense: recorder.finish() } : {}) };
  } finally {
    ws.release(); // the arena's vectors back (the result holds copies)
  }
}
