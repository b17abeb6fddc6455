/**
 * ntk-check's generators (`import { ... } from 'ntk-check/arbitraries'`): fast-check arbitraries of models with
 * certified constants, of flow instances, and of the cases every statement is checked on. Explicit list.
 */
export { logUniform } from './logUniform.js';
export { uniform } from './uniform.js';
export type { ScaleRange } from './_internals/ranges.js';
export { quadraticModelArb, type QuadraticModelConstraints } from './quadraticModelArb.js';
export { meanFieldModelArb, type MeanFieldModelConstraints } from './meanFieldModelArb.js';
export { scalarModelArb, type ScalarModelConstraints } from './scalarModelArb.js';
export { instanceArb, type InstanceConstraints, type FlowFamily, type Direction } from './instanceArb.js';
export { meanFieldFlowCaseArb, type MeanFieldFlowCaseConstraints } from './meanFieldFlowCaseArb.js';
export { converseCaseArb, type ConverseCaseConstraints } from './converseCaseArb.js';
export { matrixCaseArb, type MatrixCaseConstraints } from './matrixCaseArb.js';
export { meanFieldPairArb, type MeanFieldPairConstraints } from './meanFieldPairArb.js';
export { widthLadderArb, type WidthLadderConstraints } from './widthLadderArb.js';
