export { NtkError } from './NtkError.js';
export { NtkInputError } from './NtkInputError.js';
export { NtkSolveError, type SolveFailure } from './NtkSolveError.js';
export { NtkPrecisionError } from './NtkPrecisionError.js';
export { NtkInternalError } from './NtkInternalError.js';
export { formatValue } from './formatValue.js';
