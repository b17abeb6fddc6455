import { builtinIntegrator } from './_builtin.js';

/** The built-in euler tableau under audit (correct: the audit must pass it). */
export default builtinIntegrator('euler');
