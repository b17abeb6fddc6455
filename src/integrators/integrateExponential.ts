import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { finiteNumber, finiteVector, integerInRange, nonNegativeNumber, nonNegativeOrInfinity, positiveNumber } from '../validate/validators.js';
import { allFinite } from './_internals/allFinite.js';
import { StepController } from './_internals/StepController.js';
import { errorNorm } from './errorNorm.js';
import { ExponentialDenseRecorder } from './_internals/ExponentialDenseRecorder.js';
import type { ExponentialDenseSolution } from './ExponentialDenseSolution.js';
import type { ExponentialMethod } from './ExponentialMethod.js';
import { ExponentialStepper } from './ExponentialStepper.js';
import type { GramKernels } from './GramKernels.js';
import type { GramProducts } from './GramProducts.js';
import { NegativeGramOperator } from './NegativeGramOperator.js';
import type { Rhs } from './Rhs.js';
import type { VectorArena } from './VectorArena.js';
import { selectInitialStep } from './selectInitialStep.js';
import { modalEnergy, stepMesh } from './_internals/stepMesh.js';

/** The problem of {@link integrateExponential}: y' = f(t, y), with a linear part -B^T B taken at chosen states. */
export interface ExponentialProblem {
  readonly f: Rhs;
  /** Number of rows of B (for gradient flow, the output dimension). */
  readonly rows: number;
  /**
   * B at (t, y), rows x n row-major, such that -B^T B approximates the stiff part of df/dy there (for gradient
   * flow: B = J(w), so -B^T B is the Gauss-Newton part of the Jacobian). Return a fresh array (the solver keeps it),
   * or B's products ({@link GramProducts}, rows x n: a structured B, e.g. a mean-field net's J(w) from its activations).
   */
  linearize(t: number, y: Float64Array): Float64Array | GramProducts;
  /**
   * The point y is measured from, when the problem's state is origin + y (gradient flow in the displacement
   * d = w - w0: w0). The drift rule (`relinearizeDrift`) compares states, origin + y, not displacements: a
   * displacement that grows from 0 is always far from its last value relative to its own size, while the linear
   * part changes with the state. Default: 0.
   */
  readonly origin?: Float64Array;
}

/** Options of {@link integrateExponential}. */
export interface ExponentialOptions {
  /** Relative tolerance, in (0, 1). */
  readonly rtol: number;
  /** Absolute tolerance >= 0 (one number, or one per component). */
  readonly atol: number | Float64Array | readonly number[];
  /** Budget of step attempts, integer in [1, 1e9]. Default 1e6. */
  readonly maxSteps?: number;
  /** First trial step (> 0). Default: Hairer's starting step for the embedded order. */
  readonly h0?: number;
  /**
   * An a-priori Euclidean size of y(t) - y0 over [t0, t1] (> 0; a bound or an estimate) for the starting step
   * (`selectInitialStep`'s `scale`): give it when y0 = 0, as for a displacement, whose zero size would make the
   * first step 1e-4 and the next ones grow 10x at a time. Unused with h0. Default: none.
   */
  readonly scale?: number;
  /** Record an {@link ExponentialDenseSolution}. Default false. */
  readonly dense?: boolean;
  /**
   * Re-linearize after a step whose h times the estimated Lipschitz constant of the remainder g = f - L y (from
   * two stages at the same node) exceeds this: the remainder is treated explicitly, so this keeps it non-stiff.
   * Default 0.5.
   */
  readonly relinearizeAt?: number;
  /**
   * Re-linearize after a step that leaves y farther than this fraction of |y_ref| from the state y_ref of the last
   * linearization (a closer linear part makes the remainder, hence the error constants, smaller; the count is
   * logarithmic in the growth of |y|). Default 0.5; Infinity disables it.
   */
  readonly relinearizeDrift?: number;
  /** Run the linear part's products with B there (src/kernels/WasmGram.ts: WebAssembly SIMD). The results are bitwise those without. */
  readonly gram?: GramKernels;
  /**
   * Keep the state, the stages and the other length-n work vectors in this arena (as `integrateAdaptive`): f reads and
   * writes them in place, and their combinations run natively. The results are bitwise those without. f must not
   * allocate in the arena.
   */
  readonly arena?: VectorArena;
}

/** Result of {@link integrateExponential}. */
export interface ExponentialResult {
  readonly t1: number;
  readonly y: Float64Array;
  readonly steps: number;
  readonly rejected: number;
  /** Calls of f (stages, end-of-step derivatives and the starting-step selection). */
  readonly rhsEvaluations: number;
  /** Calls of `linearize` (each followed by one rows x rows eigendecomposition). */
  readonly linearizations: number;
  readonly dense?: ExponentialDenseSolution;
}

/** |y - yRef| > fraction |origin + yRef| (Euclidean; origin undefined: 0). */
function drifted(y: Float64Array, yRef: Float64Array, fraction: number, origin: Float64Array | undefined): boolean {
  let moved = 0;
  let size = 0;
  for (let q = 0; q < y.length; q++) {
    const ref = yRef[q] as number;
    moved += ((y[q] as number) - ref) ** 2;
    size += (origin === undefined ? ref : (origin[q] as number) + ref) ** 2;
  }
  return moved > fraction * fraction * size;
}

function checkedAtol(value: ExponentialOptions['atol'], n: number): Float64Array {
  if (typeof value === 'number') return new Float64Array(n).fill(nonNegativeNumber('options.atol', value));
  const atol = finiteVector('options.atol', value, n);
  atol.forEach((a, i) => {
    nonNegativeNumber(`options.atol[${i}]`, a);
  });
  return atol;
}

/** The arguments of {@link integrateExponential}, with options of type O (its overloads differ in them only). */
type ExponentialArguments<O> = [
  method: ExponentialMethod,
  problem: ExponentialProblem,
  t0: number,
  y0: Float64Array | readonly number[],
  t1: number,
  options: O,
];

/** {@link integrateExponential} asked for `dense: true`: the result always carries its dense output (one point when t1 = t0). */
export function integrateExponential(
  ...args: ExponentialArguments<ExponentialOptions & { readonly dense: true }>
): ExponentialResult & { readonly dense: ExponentialDenseSolution };
/**
 * Integrate y' = f(t, y) on [t0, t1] with an embedded exponential Runge-Kutta pair whose linear part
 * L = -B^T B is frozen between re-linearizations: stiffness in L costs nothing (no step-size limit from it), so a
 * flow that has relaxed takes steps that grow geometrically and the cost grows like log(t1) (Hochbruck &
 * Ostermann, Acta Numerica 2010, Secs. 2.3 and 5 for the W-type use of an approximate Jacobian). Error control
 * as {@link integrateAdaptive}: Hairer's RMS norm, h <- h min(10, max(0.2, 0.9 err^(-1/(q+1)))), no growth after
 * a rejection, exact landing on t1. The remainder g = f - L y is explicit: the solver re-linearizes at the
 * current state when h times g's estimated Lipschitz constant exceeds `relinearizeAt` (at most every other
 * step), when y has drifted by `relinearizeDrift` |y_ref| from the last linearization point, and after two
 * rejections in a row. Matrix functions act through the eigendecomposition of the rows x rows matrix B B^T
 * ({@link NegativeGramOperator}), O(rows n) per vector.
 *
 * Throws {@link NtkInputError} for bad arguments and {@link NtkSolveError} ('non-finite', 'step-budget',
 * 'step-underflow') as {@link integrateAdaptive} does.
 */
export function integrateExponential(...args: ExponentialArguments<ExponentialOptions>): ExponentialResult;
export function integrateExponential(
  method: ExponentialMethod,
  problem: ExponentialProblem,
  t0: number,
  y0: Float64Array | readonly number[],
  t1: number,
  options: ExponentialOptions,
): ExponentialResult {
  finiteNumber('t0', t0);
  finiteNumber('t1', t1);
  if (!(t1 >= t0)) throw new NtkInputError('t1', t1, `>= t0=${t0}`);
  const yStart = finiteVector('y0', y0);
  const n = yStart.length;
  const rows = integerInRange('problem.rows', problem.rows, 1, 2 ** 20);
  const origin = problem.origin === undefined ? undefined : finiteVector('problem.origin', problem.origin, n);
  const rtol = finiteNumber('options.rtol', options.rtol);
  if (!(rtol > 0 && rtol < 1)) throw new NtkInputError('options.rtol', rtol, 'a number in (0, 1)');
  const atol = checkedAtol(options.atol, n);
  const maxSteps = integerInRange('options.maxSteps', options.maxSteps ?? 1_000_000, 1, 1e9);
  const h0 = options.h0 === undefined ? undefined : positiveNumber('options.h0', options.h0);
  const scale = options.scale === undefined ? {} : { scale: positiveNumber('options.scale', options.scale) };
  const relinearizeAt = positiveNumber('options.relinearizeAt', options.relinearizeAt ?? 0.5);
  const drift = nonNegativeOrInfinity('options.relinearizeDrift', options.relinearizeDrift ?? 0.5);
  const recorder = options.dense === true ? new ExponentialDenseRecorder(n, rows, t0, yStart) : undefined;
  if (t1 === t0)
    return { t1, y: yStart, steps: 0, rejected: 0, rhsEvaluations: 0, linearizations: 0, ...(recorder ? { dense: recorder.finish(t1, yStart) } : {}) };

  let t = t0;
  let linearizations = 0;
  let control: StepController | undefined; // created once the starting step is known
  const fail = (reason: 'non-finite', detail: string, at = t): never => {
    throw new NtkSolveError(reason, detail, { t: at, steps: control?.steps ?? 0 });
  };
  const { gram, arena } = options;
  // B's block in `gram`, allocated before the arena's vectors are borrowed (an allocation could move those) and
  // reused by every linearization: the operator it replaces is detached (computes in TypeScript, bitwise the same)
  const native = gram === undefined ? undefined : { kernels: gram, at: gram.hold(rows, n) };
  let op: NegativeGramOperator | undefined;
  const stepper = new ExponentialStepper(method, problem.f, n, rows, arena);
  const state = stepper.state; // y, in the arena with one
  state.set(yStart);
  stepper.atol.set(atol);
  const finite = (v: Float64Array): boolean => arena?.allFinite(v) ?? allFinite(v);
  const linearize = (): NegativeGramOperator => {
    const B = problem.linearize(t, state);
    const dense = B instanceof Float64Array;
    if (dense ? B.length !== rows * n || !allFinite(B) : B.rows !== rows || B.n !== n || !B.finite())
      fail('non-finite', `linearize(t, y) must return ${rows} x ${n} finite entries`);
    linearizations += 1;
    op?.detach();
    if (dense && native !== undefined) native.kernels.load(native.at, B);
    op = new NegativeGramOperator(B, rows, n, dense ? native : undefined);
    return op;
  };
  try {
    return solve(state);
  } finally {
    op?.detach();
    if (native !== undefined) native.kernels.release(native.at, rows, n);
    stepper.release();
  }

  function solve(y: Float64Array): ExponentialResult {
    stepper.setDerivative(t, y);
    let rhsEvaluations = 1;
    if (!finite(stepper.derivative)) fail('non-finite', 'f(t0, y0) is not finite');
    stepper.setOperator(linearize(), y);
    const errorOrder = stepper.method.errorOrder;
    let hStart: number;
    if (h0 === undefined) {
      const start = selectInitialStep({ f: problem.f, t0, y0: y, f0: stepper.derivative, span: t1 - t0, errorOrder, rtol, atol, ...scale });
      hStart = start.h;
      rhsEvaluations += start.rhsEvaluations;
    } else hStart = Math.min(h0, t1 - t0);
    control = new StepController(hStart, t1, errorOrder, maxSteps);

    let rejectedInARow = 0;
    let energyScale = 0;
    const yRef = Float64Array.from(y);
    let sinceLinearization = 0;
    const relinearize = (): void => {
      stepper.setOperator(linearize(), y);
      yRef.set(y);
      sinceLinearization = 0;
    };
    while (t < t1) {
      const { h, lands } = control.next(t);
      stepper.step(t, y, h);
      rhsEvaluations += stepper.method.stages - 1;
      if (arena !== undefined && !arena.intact(y)) throw new Error('integrateExponential: the vector arena moved during the solve (f allocated in it)');
      const err = arena?.errorNorm(stepper.err, y, stepper.yNew, rtol, stepper.atol) ?? errorNorm(stepper.err, y, stepper.yNew, rtol, atol);
      if (!(finite(stepper.err) && finite(stepper.yNew))) fail('non-finite', `non-finite stage or state in a step of size h=${h}`);

      if (err <= 1) {
        const tNew = lands ? t1 : t + h;
        const stiffness = stepper.remainderLipschitz();
        const step = stepper.finishStep(tNew);
        rhsEvaluations += 1;
        if (!finite(stepper.nextDerivative)) fail('non-finite', 'f is not finite at the new state', tNew);
        if (recorder !== undefined) {
          energyScale = Math.max(energyScale, modalEnergy(step.op.lambda, stepper.modalDerivative));
          recorder.record(step, stepper.yNew, stepMesh(step, stepper.modalDerivative, rtol, energyScale));
        }
        y.set(stepper.yNew);
        t = tNew;
        control.accept(err);
        stepper.advance(y);
        sinceLinearization += 1;
        // Stiff remainder (at most every other step, in case the stiffness is not in the Gauss-Newton part), or drift.
        if (t < t1 && ((h * stiffness > relinearizeAt && sinceLinearization >= 2) || drifted(y, yRef, drift, origin))) relinearize();
        rejectedInARow = 0;
      } else {
        control.reject(err);
        rejectedInARow += 1;
        if (rejectedInARow === 2) relinearize();
      }
    }
    const yEnd = Float64Array.from(y); // the result's y: a fresh array (the arena's vectors are released)
    return {
      t1,
      y: yEnd,
      steps: control.steps,
      rejected: control.rejected,
      rhsEvaluations,
      linearizations,
      ...(recorder ? { dense: recorder.finish(t1, yEnd) } : {}),
    };
  }
}
