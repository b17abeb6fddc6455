/** Check a user's model: the module contract, the model checks, every applicable statement, the lazy horizon. */
export type { ModelModule, VectorLike } from './ModelModule.js';
export type { ModelReport, ModelFinding, StatementOutcome, ModelVerdict, ConstantReport, ConstantOnBall, NtkReport } from './ModelReport.js';
export { checkModel, type CheckModelOptions } from './checkModel.js';
export { loadModel } from './loadModel.js';
export { formatModelReport } from './formatModelReport.js';
export { horizonPlot } from './horizonPlot.js';
export { MODEL_STATEMENTS } from './modelStatements.js';
