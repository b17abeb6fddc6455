import { modelCaseArb, type FixedOrRange } from '../../arbitraries/modelCaseArb.js';
import { DEFAULT_SEED } from '../check/profile.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import type { Instance } from '../flow/Instance.js';
import { linearizedFlow } from '../flow/linearizedFlow.js';
import { loss } from '../flow/residual.js';
import { norm2 } from '../linalg/dense.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import { finiteVector, integerInRange, positiveNumber } from '../validate/validators.js';
import { inspectModel } from './inspectModel.js';
import { lazyHorizon } from './lazyHorizon.js';
import { validateModelModule } from './loadModel.js';
import type { ModelModule, VectorLike } from './ModelModule.js';
import type { ModelReport, StatementOutcome } from './ModelReport.js';
import { runModelStatements } from './modelStatements.js';
import { ntkSpectrum } from './ntkSpectrum.js';
import type { LipschitzBudget } from './searchLipschitz.js';

/** Options of {@link checkModel} (the flags of `ntk-check model`). */
export interface CheckModelOptions {
  /** Seed of every random choice (cases, search, Jacobian points). Default the project's DEFAULT_SEED. */
  readonly seed?: number;
  /** Generated cases per statement reading. Default 50. */
  readonly runs?: number;
  /** Evaluations allowed while shrinking a counterexample. Default 100. */
  readonly shrinkEvaluations?: number;
  /** Radius of the checked ball B(w0, rho). Default 1. Every case stays in it (a fixed T may enlarge it). */
  readonly rho?: number;
  /** Fix alpha for the statements and the horizon. Default: statements draw alpha in [0.1, 1000]; the horizon uses the module's alpha, else 1. */
  readonly alpha?: number;
  /** Fix the horizon T of the statements' cases. Default: drawn (a fraction of the ball's limit alpha^2 rho^2 / R0). */
  readonly T?: number;
  /** Fixed targets y* (each n numbers); the first is the horizon's. Default: drawn around alpha h(w0); the horizon uses the module's yStar, else alpha h(w0) + (1, ..., 1) / sqrt(n). */
  readonly targets?: readonly VectorLike[];
  /** The tolerance of the lazy horizon. Default 0.1 ||r(0)|| = 0.1 sqrt(2 R0) (10% of the initial residual). */
  readonly epsilon?: number;
  /** Statement ids to run (default every applicable one). */
  readonly statements?: readonly string[];
  /** Test-only: check each statement's sanity mutant (a deliberately wrong bound) instead of its readings. */
  readonly mutant?: boolean;
  /** Budget of the Lipschitz search per ball. */
  readonly lipschitzBudget?: LipschitzBudget;
  /** How a statement's check is replayed, e.g. 'ntk-check model examples/models/tanh-net.ts' (flags are appended). */
  readonly replayCommand?: string;
  /** Called after each statement (progress). */
  readonly onStatement?: (outcome: StatementOutcome) => void;
}

const DEFAULTS = { runs: 50, shrinkEvaluations: 100, rho: 1, alphaRange: [0.1, 1000] as const, R0: [1e-3, 10] as const, epsilonFraction: 0.1 };

/** The flags that reproduce a run of statement `id` (everything that changes the cases). */
function replayFlags(o: CheckModelOptions, seed: number, runs: number, rho: number, id: string): string {
  const flags = [`--seed ${seed}`, `--runs ${runs}`, `--statement ${id}`];
  if (rho !== DEFAULTS.rho) flags.push(`--rho ${rho}`);
  if (o.alpha !== undefined) flags.push(`--alpha ${o.alpha}`);
  if (o.T !== undefined) flags.push(`--T ${o.T}`);
  if (o.mutant === true) flags.push('(sanity mutant readings)');
  return flags.join(' ');
}

/** The practitioner's instance: alpha and y* from the options, else the module, else the defaults. */
function practitionerInstance(module: ModelModule, model: SmoothModel, targets: readonly Float64Array[] | undefined, alpha: number): Instance {
  const h0 = model.value(model.w0);
  const given = targets?.[0] ?? (module.yStar === undefined ? undefined : finiteVector('model.yStar', Float64Array.from(module.yStar), model.n));
  const yStar = given ?? h0.map((h) => alpha * h + 1 / Math.sqrt(model.n));
  return { model, yStar, alpha, T: 0 };
}

/**
 * Check a user's model (see docs/model.md): first the model itself (Jacobian against finite differences, NaN/Inf
 * on the ball, declared Lip(Dh) and Lip(h) against sampled lower bounds maximized by search) — a finding stops
 * there; then every applicable statement of the theory through the project's judge; then the practitioner's
 * answer: the empirical NTK K0 at w0 and the lazy horizon (the largest T at which Thm 1.2 guarantees E <= epsilon)
 * with the measured E(t). Returns the report `ntk-check model --json` prints (deterministic: the same seed gives the same report). Throws NtkInputError for a model
 * without the {@link ModelModule} shape or bad options.
 */
export function checkModel(model: ModelModule, options: CheckModelOptions = {}): ModelReport {
  const module = validateModelModule(model);
  const seed = integerInRange('seed', options.seed ?? DEFAULT_SEED, 0, 2_147_483_647);
  const runs = integerInRange('runs', options.runs ?? DEFAULTS.runs, 1, 1_000_000);
  const shrinkEvaluations = integerInRange('shrinkEvaluations', options.shrinkEvaluations ?? DEFAULTS.shrinkEvaluations, 0, 1_000_000);
  const targets = options.targets?.map((t, k) => finiteVector(`targets[${k}]`, Float64Array.from(t), module.n));
  if (targets?.length === 0) throw new NtkInputError('targets', [], 'a non-empty list of target vectors');
  const alpha = options.alpha === undefined ? undefined : positiveNumber('alpha', options.alpha);
  const T = options.T === undefined ? undefined : positiveNumber('T', options.T);
  let rho = positiveNumber('rho', options.rho ?? DEFAULTS.rho);
  if (T !== undefined) {
    // A fixed T must stay inside Thm 1.2's time limit T <= alpha^2 rho^2 / R0 for every case: enlarge the ball.
    const h0 = norm2(Float64Array.from(module.value(Float64Array.from(module.w0 ?? new Float64Array(module.p)))));
    const alphas = alpha === undefined ? DEFAULTS.alphaRange : [alpha, alpha];
    const r0Max = targets === undefined ? Math.sqrt(2 * DEFAULTS.R0[1]) : Math.max(...targets.map((t) => norm2(t) + alphas[1] * h0));
    rho = Math.max(rho, Math.sqrt((T * r0Max * r0Max) / 2) / alphas[0]);
  }
  const inspection = inspectModel(module, rho, seed, options.lipschitzBudget);
  const certified = inspection.constants.lipDh.source === 'declared' && inspection.constants.lipH.source === 'declared';
  const base = {
    name: module.name,
    p: module.p,
    n: module.n,
    seed,
    rho,
    label: certified ? ('certified' as const) : ('estimated, not certified' as const),
    constants: inspection.constants,
    jacobian: inspection.jacobian,
    findings: inspection.findings,
  };
  if (inspection.findings.length > 0) return { ...base, statements: [], verdict: 'finding' };

  const cases = modelCaseArb(inspection.model, {
    alpha: alpha ?? DEFAULTS.alphaRange,
    ...(T !== undefined && { T: T as FixedOrRange }),
    ...(targets !== undefined && { targets }),
    R0: DEFAULTS.R0,
    rho,
  });
  const prefix = options.replayCommand ?? 'checkModel(model, options) with';
  const statements = runModelStatements(cases, {
    seed,
    runs,
    shrinkEvaluations,
    certified,
    ...(options.statements !== undefined && { only: options.statements }),
    ...(options.mutant !== undefined && { mutant: options.mutant }),
    ...(options.onStatement !== undefined && { onStatement: options.onStatement }),
    replay: (id) => `${prefix} ${replayFlags(options, seed, runs, rho, id)}`,
  });

  const instance = practitionerInstance(module, inspection.model, targets, alpha ?? module.alpha ?? 1);
  const linear = linearizedFlow(instance);
  const R0 = loss(linear.r0);
  if (!(R0 > 0))
    throw new NtkInputError(
      'targets',
      Array.from(instance.yStar),
      `different from alpha h(w0) at alpha = ${instance.alpha} (R0 = 0: there is nothing to train)`,
    );
  const ntk = { alpha: instance.alpha, R0, ...ntkSpectrum(linear) };
  const epsilon = positiveNumber('epsilon', options.epsilon ?? DEFAULTS.epsilonFraction * Math.sqrt(2 * R0));
  const horizon = lazyHorizon(instance, rho, epsilon);
  // The strongest outcome over the statements: a refutation, then evidence, then undecided cases (never a pass).
  const verdicts = new Set(statements.map((s) => s.verdict));
  const verdict = verdicts.has('refuted') ? 'refuted' : verdicts.has('evidence') ? 'evidence' : verdicts.has('undecided') ? 'undecided' : 'pass';
  return { ...base, statements, ntk, horizon, verdict };
}
