import { builtinIntegrator } from './_builtin.js';

/** The built-in rk4 tableau under audit (correct: the audit must pass it). */
export default builtinIntegrator('rk4');
