/** Arbitrary-precision (decimal.js) closed forms for the scalar models of ntk-check, and their checks. */
export { PreciseConverse, type ConverseParams, type ConverseSnapshot } from './PreciseConverse.js';
export type { ConverseInputs } from './_internals/converseFormulas.js';
export { PreciseScalarFlow, type ScalarFlowParams, type ScalarFlowState } from './PreciseScalarFlow.js';
export { taylorScalarFlow, type TaylorOptions, type TaylorResult } from './taylorScalarFlow.js';
export { converseTightness, type Tightness, type TightnessConstraints } from './converseTightness.js';
export { certifiedRound, BASE_LOSS_DIGITS, GUARD_DIGITS, type Approx, type Evaluation } from './certifiedRound.js';
export { expTail } from './expTail.js';
export { decimalContext, DECIMAL_ROUNDING } from './decimalContext.js';
export { readDecimal, type DecimalInput, type DecimalRequirement } from './DecimalInput.js';
export { readDigits, DEFAULT_DIGITS, MAX_DIGITS, type PrecisionOptions } from './PrecisionOptions.js';
export { formatSignificant } from './formatSignificant.js';
export { decimalToNumber } from './decimalToNumber.js';
export { agreeingDigits } from './agreeingDigits.js';
