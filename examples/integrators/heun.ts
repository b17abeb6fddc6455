import { builtinIntegrator } from './_builtin.js';

/** The built-in heun tableau under audit (correct: the audit must pass it). */
export default builtinIntegrator('heun');
