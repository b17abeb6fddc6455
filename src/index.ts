/** ntk-check's public API (explicit list; see README). */
export { NtkError, NtkInputError, NtkSolveError, NtkPrecisionError, type SolveFailure } from './errors/index.js';
export type { SmoothModel } from './models/SmoothModel.js';
export {
  quadraticModel,
  structuredQuadratic,
  meanFieldNet,
  symmetricInit,
  scalarModel,
  converseModel,
  lemma21Constant,
  parseInstance,
  instanceToJson,
  type InstanceJson,
} from './models/index.js';
export {
  linearizedFlow,
  gradientFlow,
  solveRun,
  solveRunPair,
  kappa,
  loss,
  residual,
  validateInstance,
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
export { PreciseConverse, PreciseScalarFlow, taylorScalarFlow, converseTightness } from './precise/index.js';
export { registry, findStatement } from './statements/registry.js';
export type { Statement, Reading, Bound, Relation, Verdict } from './statements/Statement.js';
export type { PaperConstant, SharpValue } from './statements/PaperConstant.js';
export { checkReading, type CheckResult, type Counterexample } from './check/checkReading.js';
export { main } from './cli/main.js';
