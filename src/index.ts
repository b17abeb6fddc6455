/**
 * ntk-check as a library (`import { ... } from 'ntk-check'`): the statements of the theory as data, the engine that
 * checks a reading with fast-check and certifies its counterexamples, the models and the flows they are trained
 * by, the high-precision converse, and the errors every function throws. The generators live in a second entry
 * point, `ntk-check/arbitraries`. The theory, its notation and readings: docs/theory.md; a runnable example: the
 * README's "Use it as a library". Explicit list: what is not here is internal and may change.
 */

// Errors: bad input (names the parameter and the value), a failed solve, a precision that cannot be reached.
export { NtkError, NtkInputError, NtkSolveError, NtkPrecisionError, type SolveFailure } from './errors/index.js';

// Statements: the registry (every statement in the order of the theory, types erased so it can be iterated), and
// each statement with its own case and measurement types (`thm12.arbitrary()` is an `Arbitrary<FlowCase>`).
export { registry, findStatement } from './statements/registry.js';
export type { Statement, AnyStatement, Reading, Bound, Relation, Verdict, Measured } from './statements/Statement.js';
export type { FlowCase } from '../arbitraries/FlowCase.js';
export type { FlowQuantities } from './statements/flowQuantities.js';
export type { MatrixCase } from '../arbitraries/MatrixCase.js';
export type { MeanFieldPair } from '../arbitraries/MeanFieldPair.js';
export type { WidthLadder } from '../arbitraries/WidthLadder.js';
export { flowResidual } from './statements/defs/flow.residual.js';
export { flowEnergy } from './statements/defs/flow.energy.js';
export { prop11 } from './statements/defs/prop-1.1.js';
export { eq14 } from './statements/defs/eq-14.js';
export { eq15 } from './statements/defs/eq-15.js';
export { eq16Weights } from './statements/defs/eq-16.weights.js';
export { prop31 } from './statements/defs/prop-3.1.js';
export { eq19 } from './statements/defs/eq-19.js';
export { lemma33 } from './statements/defs/lemma-3.3.js';
export { eq25 } from './statements/defs/eq-25.js';
export { eq26 } from './statements/defs/eq-26.js';
export { eq27 } from './statements/defs/eq-27.js';
export { thm32 } from './statements/defs/thm-3.2.js';
export { thm12 } from './statements/defs/thm-1.2.js';
export { thm13 } from './statements/defs/thm-1.3.js';
export { lemma21 } from './statements/defs/lemma-2.1.js';
export { cor22 } from './statements/defs/cor-2.2.js';
export { ntkParam } from './statements/defs/ntk-param.js';

// Checking a reading: fast-check over the statement's generator, certified verdicts, shrunk counterexamples.
export {
  checkReading,
  type CheckOptions,
  type CheckResult,
  type CheckStats,
  type Counterexample,
  type NearEqualityRecord,
} from './check/checkReading.js';
export { PROFILES, DEFAULT_SEED, type Profile, type ProfileName } from './check/profile.js';
export { loadErrata, type ErrataDb } from './check/errataDb.js';
export { loadWorstCases, type WorstCaseDb, type WorstCaseEntry } from './io/worstCaseDb.js';

// Models h: R^p -> R^n with certified Lipschitz constants, and instances (model, w0, y*, alpha, T) as JSON.
export type { SmoothModel } from './models/SmoothModel.js';
export {
  quadraticModel,
  structuredQuadratic,
  meanFieldNet,
  symmetricInit,
  scalarModel,
  converseModel,
  lemma21Constant,
  activations,
  type QuadraticModel,
  type QuadraticInput,
  type StructuredQuadraticInput,
  type MeanFieldModel,
  type MeanFieldInput,
  type ScalarModel,
  type ScalarInput,
  type ConverseInput,
  type Activation,
  type ActivationName,
  type InstanceJson,
} from './models/index.js';

// Flows: gradient flow of the model and its linearization, E(T), kappa.
export {
  linearizedFlow,
  gradientFlow,
  solveRun,
  solveRunPair,
  kappa,
  loss,
  residual,
  validateInstance,
  parseInstance,
  instanceToJson,
  type Instance,
  type LinearizedFlow,
  type GradientFlowOptions,
  type GradientFlowResult,
  type Run,
} from './flow/index.js';
export { opNorm, symmetricEigen, symmetricFunction, expmTaylor } from './linalg/index.js';
export { tableaus } from './integrators/tableaus/index.js';
export { integrateFixed } from './integrators/integrateFixed.js';
export { integrateAdaptive } from './integrators/integrateAdaptive.js';

// The converse model of Thm 1.3 in closed form, at any number of correctly rounded digits.
export {
  PreciseConverse,
  PreciseScalarFlow,
  taylorScalarFlow,
  converseTightness,
  type ConverseParams,
  type ConverseSnapshot,
  type ScalarFlowParams,
  type ScalarFlowState,
} from './precise/index.js';

export type { PaperConstant, SharpValue } from './statements/PaperConstant.js';

// The `ntk-check audit` module contract, for integrator authors who type their module.
export type { IntegratorModule, AuditRhs } from './audit/IntegratorModule.js';

// The command line, in-process: `await main(['list'])` returns the exit code.
export { main } from './cli/main.js';
export {
  checkModel,
  loadModel,
  formatModelReport,
  horizonPlot,
  MODEL_STATEMENTS,
  type CheckModelOptions,
  type ModelModule,
  type VectorLike,
  type ModelReport,
  type ModelFinding,
  type StatementOutcome,
  type ModelVerdict,
} from './model/index.js';
export type { Expectation } from './statements/Statement.js';
export {
  QUESTIONS,
  OPEN_CONJECTURES,
  runConjecture,
  gradientDescent,
  preciseDescent,
  logisticFlow,
  fitPowerLaw,
  type ConjectureFinding,
  type QuestionResult,
} from './explore/index.js';
