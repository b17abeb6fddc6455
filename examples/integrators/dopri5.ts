import { builtinIntegrator } from './_builtin.js';

/** The built-in dopri5 tableau under audit (correct: the audit must pass it). */
export default builtinIntegrator('dopri5');
