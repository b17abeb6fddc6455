import { DEFAULT_FLOW_RTOL } from '../flow/gradientFlow.js';
import { solveRunPair, type Run } from '../flow/Run.js';
import { instanceToJson } from '../flow/instanceToJson.js';
import { parseInstance } from '../flow/parseInstance.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { preciseReferenceRun } from './preciseReferenceRun.js';
import { TAYLOR_WORK_BUDGET, taylorReferenceRun } from './taylorReferenceRun.js';
import { searchSpaceOf } from '../../arbitraries/searchSpaceOf.js';
import type { Instance } from '../flow/Instance.js';
import type { FlowCase } from '../../arbitraries/FlowCase.js';
import { horizonClass } from '../../arbitraries/horizons.js';
import { flowStiffness } from '../flow/flowStiffness.js';
import { FLOAT_COMPANION_RTOL, FLOAT_REFERENCE_RTOL, floatReferenceRun } from './floatReferenceRun.js';
import { secondMethodRun } from './secondMethodRun.js';
import type { Reading, Reference, Statement } from './Statement.js';

/** What a flow statement adds to the shared machinery: its readings and what it measures on a solved run. */
export interface FlowStatementSpec<M> extends Pick<Statement<FlowCase, M>, 'id' | 'source' | 'relation' | 'summary' | 'arbitrary'> {
  readonly readings: readonly Reading<M>[];
  readonly mutant: Reading<M>;
  /** Hypothesis; default: always applies. */
  applies?(c: FlowCase): boolean;
  /**
   * The measurement on one solved run, called on the primary and on the 100x tighter run; `reference` is the
   * tighter run in both calls, so that pointwise statements sample both at the same times.
   */
  extract(run: Run, reference: Run): M;
  /** Extra coverage labels, e.g. the kappa regime. */
  labels?(m: M): Readonly<Record<string, string>>;
  /** Coverage the property test asserts (label -> values that must occur). */
  readonly requiredCoverage: Readonly<Record<string, readonly string[]>>;
}

/** Working relative tolerance of flow statements (the flow solver's default); certification re-solves at rtol / 100. */
export const FLOW_RTOL = DEFAULT_FLOW_RTOL;

/**
 * Tolerance of identity checks (flow.energy, flow.residual): 100 x the working FLOW_RTOL. The solver controls the
 * local error per unit of state to rtol, and its global error stays within a small multiple of it on these
 * dissipative flows. One fixed claim, judged at the working solve and again at the 100x tighter re-solve: a
 * tolerance that shrank with the re-solve's rtol would ask the tight solve for more than the working one (global
 * errors are not proportional to rtol: a kappa = 30 instance measured 81, 100, 117 rtol at rtol 1e-6, 1e-8, 1e-10),
 * so numerical error would look like a certified violation instead of shrinking under the re-solve.
 */
export const IDENTITY_TOLERANCE = 100 * FLOW_RTOL;

/**
 * A statement about the gradient flow of an instance: solve once (primary + tight), measure, judge. Close verdicts
 * get a second float method of another order (`secondMethodRun`) and, for scalar and quadratic models, the decimal
 * reference (closed form, or Taylor series; for other models, and quadratic flows past the Taylor budget, the gap
 * reference: the flow solved for w - w0 and r - rbar by DOP853 at rtol 1e-13 and 1e-11), both computed only when the
 * judge asks; the generator's parametric view is exposed to the targeted search. Every case is labelled with its
 * horizon class (`horizonClass` of T lambda_max(K0)).
 */
export function flowStatement<M>(spec: FlowStatementSpec<M>): Statement<FlowCase, M> {
  return {
    id: spec.id,
    source: spec.source,
    relation: spec.relation,
    summary: spec.summary,
    readings: spec.readings,
    mutant: spec.mutant,
    arbitrary: (size) => spec.arbitrary(size),
    applies: (c) => spec.applies?.(c) ?? true,
    measure(c) {
      const { primary, tight } = solveRunPair(c.instance); // at FLOW_RTOL, the solver's default
      return {
        primary: spec.extract(primary, tight),
        tight: spec.extract(tight, tight),
        tightAccuracy: FLOW_RTOL / 100,
        cost: primary.nonlinear.rhsEvaluations + (tight === primary ? 0 : tight.nonlinear.rhsEvaluations),
        second: once(() => {
          const run = secondMethodRun(tight);
          return run === undefined ? undefined : spec.extract(run, tight);
        }),
        reference: referenceOnce((final) => decimalReference(tight, spec.extract, final)),
      };
    },
    labels: (c, m) => ({ family: c.family, direction: c.direction, horizon: horizonClass(flowStiffness(c.instance)), ...spec.labels?.(m) }),
    describe: (c) => ({ family: c.family, direction: c.direction, instance: describeInstance(c.instance) }),
    revive: reviveFlowCase,
    requiredCoverage: spec.requiredCoverage,
    // The targeted search keeps to the short horizons (see GeneratorSize.longHorizons).
    search: searchSpaceOf(spec.arbitrary({ longHorizons: false })),
  };
}

/** Relative error of the scalar closed form: every value is correctly rounded to its 30 digits. */
const CLOSED_FORM_ERROR = 1e-29;

/**
 * The decimal reference of a run's measurement: the closed form of a scalar flow (`preciseReferenceRun`), or the
 * Taylor-series solve of a quadratic flow at 30 digits with its 20-digit companion (`taylorReferenceRun`, within
 * its work budget: the larger one for a `final` counterexample); for other models (mean-field, a user's model) and
 * for the quadratic flows past the Taylor budget (long horizons tau = T lambda_max(K0), large n p^2) the float
 * reference `floatReferenceRun`. Undefined when none can be computed.
 */
function decimalReference<M>(tight: Run, extract: (run: Run, reference: Run) => M, final: boolean): Reference<M> | undefined {
  const scalar = preciseReferenceRun(tight);
  if (scalar !== undefined) return { measurement: extract(scalar, tight), method: 'decimal-closed-form', digits: 30, errorBound: CLOSED_FORM_ERROR };
  const taylor = taylorReferenceRun(tight, final ? TAYLOR_WORK_BUDGET.final : TAYLOR_WORK_BUDGET.close);
  if (taylor !== undefined)
    return {
      measurement: extract(taylor.run, tight),
      companion: extract(taylor.companion, tight),
      method: 'decimal-taylor',
      digits: taylor.digits,
      errorBound: taylor.errorBound,
    };
  // No decimal reference for this model, or the Taylor series is past its work budget (its steps grow with
  // tau = T lambda_max(K0) and its cost per step with n p^2: the long horizons, the large quadratics): the gap
  // reference (DOP853 on w - w0 and r - rbar) at rtol 1e-13, with its companion at 1e-11.
  const float = floatReferenceRun(tight.instance, FLOAT_REFERENCE_RTOL);
  const companion = float === undefined ? undefined : floatReferenceRun(tight.instance, FLOAT_COMPANION_RTOL);
  if (float === undefined || companion === undefined) return undefined;
  return { measurement: extract(float, tight), companion: extract(companion, tight), method: 'float-dop853-gap', digits: 13, errorBound: FLOAT_REFERENCE_RTOL };
}

/**
 * The decimal reference, computed at most once per budget: a close call's (small budget) and a final
 * counterexample's (large budget; computed again only when the small one gave up).
 */
function referenceOnce<R>(f: (final: boolean) => R | undefined): (final?: boolean) => R | undefined {
  const close = once(() => f(false));
  const final = once(() => close() ?? f(true));
  return (isFinal = false) => (isFinal ? final() : close());
}

/** `f`, evaluated at the first call only (the decimal reference is computed on demand, at most once). */
function once<T>(f: () => T): () => T {
  let memo: { value: T } | undefined;
  return () => {
    memo ??= { value: f() };
    return memo.value;
  };
}

/** Coverage label of the kappa regime. */
export function kappaRegime(kappa: number): string {
  return kappa < 1 ? 'kappa<1' : 'kappa>=1';
}

/**
 * The JSON form of an instance (`instanceToJson`) when its model has one; otherwise (a user's model, see src/model)
 * its kind and sizes with w0, y*, alpha and T: enough to report and to replay the case with the same model, which
 * `revive` cannot rebuild from JSON.
 */
function describeInstance(instance: Instance): unknown {
  const { model } = instance;
  if (typeof model.toSpec === 'function') return instanceToJson(instance);
  return {
    model: { kind: model.kind, p: model.p, n: model.n },
    w0: Array.from(model.w0),
    yStar: Array.from(instance.yStar),
    alpha: instance.alpha,
    T: instance.T,
  };
}

/** Rebuild a flow case from `describe`'s output (validated like any instance file). */
export function reviveFlowCase(description: unknown): FlowCase {
  if (description === null || typeof description !== 'object') throw new NtkInputError('case', description, 'an object');
  const d = description as Record<string, unknown>;
  return {
    instance: parseInstance(d.instance),
    family: typeof d.family === 'string' ? d.family : 'unknown',
    direction: typeof d.direction === 'string' ? d.direction : 'unknown',
  };
}
