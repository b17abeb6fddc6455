export type { SmoothModel } from './SmoothModel.js';
export type { InstanceJson, ModelSpec, QuadraticSpec, ScalarSpec, MeanFieldSpec } from './InstanceJson.js';
export { quadraticModel, type QuadraticModel, type QuadraticInput, type QuadraticData } from './quadratic.js';
export { structuredQuadratic, type StructuredQuadraticInput } from './structuredQuadratic.js';
export { meanFieldNet, type MeanFieldModel, type MeanFieldInput } from './meanField.js';
export { activations, ACTIVATION_NAMES, type Activation, type ActivationName } from './activation.js';
export { lemma21Constant, lemma21LipDh, meanFieldA, type OutputWeights } from './lemma21.js';
export { symmetricInit, type SymmetricInitInput, type MeanFieldWeights } from './symmetricInit.js';
export { scalarModel, converseModel, type ScalarModel, type ScalarInput, type ConverseInput, type ConverseParameters } from './scalar.js';
