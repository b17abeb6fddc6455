export { logUniform } from './logUniform.js';
export { uniform } from './uniform.js';
export type { ScaleRange } from './_internals/ranges.js';
export { quadraticModelArb, type QuadraticModelConstraints } from './quadraticModelArb.js';
export { meanFieldModelArb, type MeanFieldModelConstraints } from './meanFieldModelArb.js';
export { scalarModelArb, type ScalarModelConstraints } from './scalarModelArb.js';
