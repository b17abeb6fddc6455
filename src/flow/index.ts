export type { Instance } from './Instance.js';
export { validateInstance } from './validateInstance.js';
export { residual, loss } from './residual.js';
export { kappa } from './kappa.js';
export { linearizedFlow, type LinearizedFlow } from './linearizedFlow.js';
export { gradientFlow, type GradientFlowOptions, type GradientFlowResult, type Trajectory } from './gradientFlow.js';
export { solveRun, solveRunPair, type Run } from './Run.js';
export { parseInstance } from './parseInstance.js';
export { instanceToJson } from './instanceToJson.js';
