export { opNorm } from './opNorm.js';
export { symmetricEigen, type SymmetricEigen } from './symmetricEigen.js';
export { symmetricFunction, symmetricFunctionApply } from './symmetricFunction.js';
export { expDecay, phi } from './spectralFunctions.js';
export { matVec, matTVec, gram, norm2, distance, identity, matMul } from './dense.js';
export { toMatrix } from './toMatrix.js';
export { expmTaylor } from './expmTaylor.js';
